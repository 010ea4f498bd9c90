using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

/// <summary>What every help page promises: `.editorconfig` turns a rule off or changes its severity.</summary>
public class SeverityConfigurationTests
{
    private const string Source = """
        using Serverless;

        public record Order(string Id);

        public static class Orders
        {
            [LambdaFunction] public static void Create(Order order, Order other) { }
            [LambdaFunction] public static void Get(Order order) { }
        }
        """;

    [Fact]
    public async Task SeverityNoneTurnsARuleOff()
    {
        var test = new ServerlessAnalyzerTest<HandlerSignatureAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add(Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SLS1001.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeverityNoneTurnsOffAWarningFromTheAppCrossCheck()
    {
        var test = new ServerlessAnalyzerTest<JsonContextAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add(Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SLS1015.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeverityNoneTurnsOffACompilationEndRule()
    {
        var test = new ServerlessAnalyzerTest<FunctionNameAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add("""
            using Serverless;

            public static class Orders
            {
                [LambdaFunction] public static void Get(int id) { }
                [LambdaFunction] public static void Get(string id) { }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SLS1006.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PragmaSuppressesACompilationEndRule()
    {
        var test = new ServerlessAnalyzerTest<FunctionNameAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add("""
            using Serverless;

            public static class Orders
            {
                [LambdaFunction] public static void Get(int id) { }
            #pragma warning disable SLS1006
                [LambdaFunction] public static void Get(string id) { }
            #pragma warning restore SLS1006
            }
            """);
        await test.RunAsync();
    }
}
