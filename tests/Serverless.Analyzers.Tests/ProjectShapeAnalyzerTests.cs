using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

public class ProjectShapeAnalyzerTests
{
    private const string Functions = """
        using Serverless;

        public static class Orders
        {
            [LambdaFunction] public static void {|#0:Create|}() { }
            [LambdaFunction] public static void {|#1:Delete|}() { }
        }
        """;

    [Fact]
    public Task ExecutableWithGeneratedEntryPointIsFine() =>
        Verifier<ProjectShapeAnalyzer>.VerifyAsync(Functions.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));

    [Fact]
    public async Task SLS1009_LibraryIsReportedOnEveryFunction()
    {
        var test = new ServerlessAnalyzerTest<ProjectShapeAnalyzer> { OutputKind = OutputKind.DynamicallyLinkedLibrary };
        test.TestState.Sources.Add(Functions);
        test.ExpectedDiagnostics.Add(Verifier<ProjectShapeAnalyzer>.Diagnostic("SLS1009").WithLocation(0));
        test.ExpectedDiagnostics.Add(Verifier<ProjectShapeAnalyzer>.Diagnostic("SLS1009").WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task LibraryWithoutFunctionsIsFine()
    {
        var test = new ServerlessAnalyzerTest<ProjectShapeAnalyzer> { OutputKind = OutputKind.DynamicallyLinkedLibrary };
        test.TestState.Sources.Add("public static class Library { public static int Add(int a, int b) => a + b; }");
        await test.RunAsync();
    }

    [Fact]
    public async Task SLS1010_OwnMainIsReportedOnceOnTheFirstFunction()
    {
        var test = new ServerlessAnalyzerTest<ProjectShapeAnalyzer>();
        test.TestState.Sources.Add(Functions.Replace("{|#1:", "").Replace("Delete|}", "Delete"));
        test.TestState.Sources.Add("public static class Program { public static void Main(string[] args) { } }");
        test.ExpectedDiagnostics.Add(Verifier<ProjectShapeAnalyzer>.Diagnostic("SLS1010").WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task SLS1010_TopLevelStatements()
    {
        var test = new ServerlessAnalyzerTest<ProjectShapeAnalyzer>();
        test.TestState.Sources.Add("System.Console.WriteLine(\"local run\");");
        test.TestState.Sources.Add(Functions.Replace("{|#1:", "").Replace("Delete|}", "Delete"));
        test.ExpectedDiagnostics.Add(Verifier<ProjectShapeAnalyzer>.Diagnostic("SLS1010").WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task AMethodNamedMainThatIsNotStaticIsNoEntryPoint()
    {
        var test = new ServerlessAnalyzerTest<ProjectShapeAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add(Functions.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", ""));
        test.TestState.Sources.Add("public class Pipe { public void Main() { } }");
        await test.RunAsync();
    }
}
