using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.FunctionLimitsAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class FunctionLimitsAnalyzerTests
{
    [Fact]
    public Task ValuesWithinTheLimitsAndUnsetValuesAreFine() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("orders", Timeout = 900, MemorySize = 10240)]

        public static class Limits { public const int Max = 900; }

        public static class Orders
        {
            [LambdaFunction] public static void Defaults() { }
            [LambdaFunction(Timeout = 0, MemorySize = 0, EphemeralStorage = 0)] public static void Zeros() { }
            [LambdaFunction(Timeout = 1, MemorySize = 128, EphemeralStorage = 512)] public static void Lowest() { }
            [LambdaFunction(Timeout = Limits.Max, MemorySize = 10240, EphemeralStorage = 10240)] public static void Highest() { }
            [LambdaFunction(Timeout = 60 * 15, MemorySize = 1769)] public static void Computed() { }
        }
        """);

    [Fact]
    public Task SLS1100_TimeoutOverTheLimitPointsToStepFunctions() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(MemorySize = 512, Timeout = {|#0:1200|})] public static void Import() { }
            [LambdaFunction(Timeout = {|#1:901|})] public static void JustOver() { }
        }
        """,
        Verify.Diagnostic("SLS1100").WithLocation(0).WithArguments("Function 'OrdersImport'", "1200", "1", "900",
            ". For longer work, split it into steps of a Step Functions state machine ([StateMachine]), or hand it to a queue that another function drains"),
        Verify.Diagnostic("SLS1100").WithLocation(1).WithArguments("Function 'OrdersJustOver'", "901", "1", "900",
            ". For longer work, split it into steps of a Step Functions state machine ([StateMachine]), or hand it to a queue that another function drains"));

    [Fact]
    public Task SLS1100_NegativeTimeout() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(Timeout = {|#0:-5|})] public static void Negative() { }
        }
        """,
        Verify.Diagnostic("SLS1100").WithLocation(0).WithArguments("Function 'OrdersNegative'", "-5", "1", "900", ""));

    [Fact]
    public Task SLS1100_SLS1101_AppDefaultsAreReportedOnceOnTheirArguments() => Verify.VerifyAsync(
        new[]
        {
            """
            using Serverless;

            [assembly: ServerlessApp("orders", MemorySize = {|#1:64|}, Timeout = {|#0:3600|})]
            """,
            """
            using Serverless;

            public static class Orders
            {
                [LambdaFunction] public static void Inherits() { }
                [LambdaFunction] public static void AlsoInherits() { }
                [LambdaFunction(Timeout = 30, MemorySize = 256)] public static void Overrides() { }
            }
            """,
        },
        Verify.Diagnostic("SLS1100").WithLocation(0).WithArguments("The app default ([assembly: ServerlessApp])", "3600", "1", "900",
            ". For longer work, split it into steps of a Step Functions state machine ([StateMachine]), or hand it to a queue that another function drains"),
        Verify.Diagnostic("SLS1101").WithLocation(1).WithArguments("The app default ([assembly: ServerlessApp])", "64", "128", "10240"));

    [Fact]
    public Task SLS1101_MemoryOutsideTheRange() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(MemorySize = {|#0:127|})] public static void TooSmall() { }
            [LambdaFunction(MemorySize = {|SLS1101:10241|})] public static void TooBig() { }
            [LambdaFunction(MemorySize = {|SLS1101:-1|}, Timeout = {|SLS1100:1000|})] public static void Both() { }
        }
        """,
        Verify.Diagnostic("SLS1101").WithLocation(0).WithArguments("Function 'OrdersTooSmall'", "127", "128", "10240"));

    [Fact]
    public Task SLS1102_EphemeralStorageOutsideTheRange() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Files
        {
            [LambdaFunction(EphemeralStorage = {|#0:256|})] public static void TooSmall() { }
            [LambdaFunction(EphemeralStorage = {|SLS1102:20480|})] public static void TooBig() { }
            [LambdaFunction(EphemeralStorage = 4096)] public static void Fine() { }
        }
        """,
        Verify.Diagnostic("SLS1102").WithLocation(0).WithArguments("Function 'FilesTooSmall'", "256", "512", "10240"));

    [Fact]
    public Task NestedAndGenericHandlerClassesAreChecked()
    {
        // The generic handler is also SLS1003 (another analyzer); its settings are checked all the same.
        return Verify.VerifyAsync("""
            using Serverless;

            namespace App;

            public static class Outer
            {
                public static class Inner
                {
                    [LambdaFunction(Timeout = {|SLS1100:1000|})] public static void Nested() { }
                }
            }

            public class Repository<T>
            {
                [LambdaFunction(MemorySize = {|SLS1101:100000|})] public void Generic() { }
            }
            """);
    }

    [Fact]
    public Task PartialClassesAcrossFiles() => Verify.VerifyAsync(new[]
    {
        """
        using Serverless;

        public partial class Orders
        {
            [LambdaFunction(Timeout = {|SLS1100:0x7FFFFFFF|})] public void First() { }
        }
        """,
        """
        using Serverless;

        public partial class Orders
        {
            [LambdaFunction(EphemeralStorage = {|SLS1102:1|})] public void Second() { }
        }
        """,
    });

    [Fact]
    public Task UserAttributesThatShareTheNamesAreIgnored() => Verify.VerifyAsync("""
        namespace Mine
        {
            public sealed class LambdaFunctionAttribute : System.Attribute { public int Timeout { get; set; } public int MemorySize { get; set; } }
            public sealed class ServerlessAppAttribute : System.Attribute { public int Timeout { get; set; } }

            public static class Jobs
            {
                [LambdaFunction(Timeout = 5000, MemorySize = 1)] public static void Run() { }
            }
        }
        """);

    [Fact]
    public async Task HalfTypedSettingsGetNoLimitDiagnostics()
    {
        var test = new ServerlessAnalyzerTest<FunctionLimitsAnalyzer> { CompilerDiagnostics = CompilerDiagnostics.None }.WithGeneratedEntryPoint();
        test.TestState.Sources.Add(("/0/Test0.cs", """
            using Serverless;

            [assembly: ServerlessApp("app", Timeout = "long", MemorySize = )]

            public static class Orders
            {
                static int N() => 5000;
                [LambdaFunction(Timeout = N())] public static void NonConstant() { }
                [LambdaFunction(MemorySize = "huge", EphemeralStorage = true)] public static void WrongTypes() { }
                [LambdaFunction(Timeout = )] public static void Missing() { }
                [LambdaFunction(Timeout = Missing.Value)] public static void Unresolved() { }
            }
            """));
        await test.RunAsync();
    }
}
