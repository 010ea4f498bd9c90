using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.LambdaEdgeAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class LambdaEdgeAnalyzerTests
{
    [Fact]
    public Task EdgeFunctionsWithinTheLimitsAndOrdinaryFunctionsAreFine() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("site", Architecture = LambdaArchitecture.Arm64, Timeout = 60, MemorySize = 1024)]

        public static class Edge
        {
            [LambdaFunction(Timeout = 5, MemorySize = 128, Architecture = LambdaArchitecture.X86_64)]
            [LambdaEdge(EdgeEvent.ViewerRequest | EdgeEvent.ViewerResponse)]
            public static string Viewer(string request) => request;

            [LambdaFunction(Timeout = 30, MemorySize = 3008, Architecture = LambdaArchitecture.X86_64)]
            [LambdaEdge(EdgeEvent.OriginRequest | EdgeEvent.OriginResponse)]
            public static string Origin(string request) => request;

            [LambdaFunction(Architecture = LambdaArchitecture.Arm64, Timeout = 900)]
            [Serverless.Environment("TABLE", "orders")]
            public static void NotAtTheEdge() { }
        }
        """);

    [Fact]
    public Task SLS1110_MethodEnvironmentIsReportedOnEachAttribute() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Edge
        {
            [LambdaFunction]
            [LambdaEdge(EdgeEvent.OriginRequest)]
            [{|#0:Serverless.Environment("ORIGIN", "https://example.com")|}]
            [{|#1:Serverless.Environment("REGION", "us-east-1")|}]
            public static string Route(string request) => request;
        }
        """,
        Verify.Diagnostic("SLS1110").WithLocation(0).WithArguments("EdgeRoute", "'ORIGIN'", "from this [Environment]"),
        Verify.Diagnostic("SLS1110").WithLocation(1).WithArguments("EdgeRoute", "'REGION'", "from this [Environment]"));

    [Fact]
    public Task SLS1110_ClassAndAssemblyEnvironmentIsReportedOnLambdaEdge() => Verify.VerifyAsync(
        new[]
        {
            """
            [assembly: Serverless.Environment("STAGE", "prod")]
            """,
            """
            using Serverless;

            [Serverless.Environment("SHARED", "class")]
            public static class Edge
            {
                [LambdaFunction]
                [{|#0:LambdaEdge(EdgeEvent.ViewerRequest)|}]
                [{|#1:Serverless.Environment("SHARED", "method")|}]
                public static string Rewrite(string request) => request;
            }
            """,
        },
        Verify.Diagnostic("SLS1110").WithLocation(0).WithArguments("EdgeRewrite", "'STAGE'", "from [Environment] on its class or the assembly"),
        Verify.Diagnostic("SLS1110").WithLocation(1).WithArguments("EdgeRewrite", "'SHARED'", "from this [Environment]"));

    [Fact]
    public Task SLS1111_TimeoutOverTheEventLimitIsReportedOnTheArgument() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Edge
        {
            [LambdaFunction(Timeout = {|#0:6|})]
            [LambdaEdge(EdgeEvent.ViewerRequest)]
            public static string Viewer(string request) => request;

            [LambdaFunction(Timeout = {|#1:31|})]
            [LambdaEdge(EdgeEvent.OriginResponse)]
            public static string Origin(string request) => request;

            [LambdaFunction(Timeout = {|SLS1111:10|})]
            [LambdaEdge(EdgeEvent.ViewerResponse | EdgeEvent.OriginRequest)]
            public static string Mixed(string request) => request;

            [LambdaFunction(Timeout = 20)]
            [LambdaEdge(EdgeEvent.OriginRequest)]
            public static string OriginWithin(string request) => request;

            // Over Lambda's own limit: SLS1100 (another analyzer) says so; no second diagnostic here.
            [LambdaFunction(Timeout = 1200)]
            [LambdaEdge(EdgeEvent.ViewerRequest)]
            public static string WayOver(string request) => request;
        }
        """,
        Verify.Diagnostic("SLS1111").WithLocation(0).WithArguments("EdgeViewer", "6", "", "viewer", "5"),
        Verify.Diagnostic("SLS1111").WithLocation(1).WithArguments("EdgeOrigin", "31", "", "origin", "30"));

    [Fact]
    public Task SLS1111_SLS1112_SLS1113_InheritedAppDefaultsAreReportedOnLambdaEdge() => Verify.VerifyAsync(
        new[]
        {
            """
            using Serverless;

            [assembly: ServerlessApp("site", Timeout = 10, MemorySize = 512, Architecture = LambdaArchitecture.Arm64)]
            """,
            """
            using Serverless;

            public static class Edge
            {
                [LambdaFunction]
                [{|#0:LambdaEdge(EdgeEvent.ViewerRequest)|}]
                public static string Viewer(string request) => request;

                [LambdaFunction(Architecture = LambdaArchitecture.X86_64)]
                [LambdaEdge(EdgeEvent.OriginRequest)]
                public static string Origin(string request) => request;
            }
            """,
        },
        Verify.Diagnostic("SLS1111").WithLocation(0).WithArguments("EdgeViewer", "10", " (inherited from [assembly: ServerlessApp])", "viewer", "5"),
        Verify.Diagnostic("SLS1112").WithLocation(0).WithArguments("EdgeViewer", "512", " (inherited from [assembly: ServerlessApp])", "128"),
        Verify.Diagnostic("SLS1113").WithLocation(0).WithArguments("EdgeViewer", " (inherited from [assembly: ServerlessApp])"));

    [Fact]
    public Task SLS1112_ViewerMemoryOverTheLimit() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Edge
        {
            [LambdaFunction(MemorySize = {|#0:256|})]
            [LambdaEdge(EdgeEvent.ViewerResponse)]
            public static string Viewer(string request) => request;

            [LambdaFunction(MemorySize = 10240)]
            [LambdaEdge(EdgeEvent.OriginResponse)]
            public static string Origin(string request) => request;
        }
        """,
        Verify.Diagnostic("SLS1112").WithLocation(0).WithArguments("EdgeViewer", "256", "", "128"));

    [Fact]
    public Task SLS1113_Arm64IsReportedOnTheArgument() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Edge
        {
            [LambdaFunction(Architecture = {|#0:LambdaArchitecture.Arm64|})]
            [LambdaEdge(EdgeEvent.OriginRequest)]
            public static string Origin(string request) => request;
        }
        """,
        Verify.Diagnostic("SLS1113").WithLocation(0).WithArguments("EdgeOrigin", ""));

    [Fact]
    public Task NestedGenericAndPartialHandlerClasses() => Verify.VerifyAsync(new[]
    {
        """
        using Serverless;

        namespace Site;

        public static class Outer
        {
            public static class Edge
            {
                [LambdaFunction(Timeout = {|SLS1111:7|})]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Nested(string request) => request;
            }
        }

        public class Generic<T>
        {
            [LambdaFunction(Architecture = {|SLS1113:LambdaArchitecture.Arm64|})]
            [LambdaEdge(EdgeEvent.OriginRequest)]
            public string Handle(string request) => request;
        }

        [Serverless.Environment("FROM_PART_TWO_CLASS", "x")]
        public partial class Split
        {
            [LambdaFunction(MemorySize = {|SLS1112:1024|})]
            [{|SLS1110:LambdaEdge(EdgeEvent.ViewerRequest)|}]
            public string First(string request) => request;
        }
        """,
        """
        using Serverless;

        namespace Site;

        public partial class Split
        {
            [LambdaFunction]
            [{|SLS1110:LambdaEdge(EdgeEvent.OriginRequest)|}]
            public string Second(string request) => request;
        }
        """,
    });

    [Fact]
    public Task UserTypesThatShareTheNamesAreIgnored() => Verify.VerifyAsync("""
        using Serverless;

        namespace Mine
        {
            public enum EdgeEvent { ViewerRequest = 1 }
            public sealed class LambdaEdgeAttribute(EdgeEvent events) : System.Attribute { public EdgeEvent Events { get; } = events; }

            public static class Site
            {
                [Serverless.LambdaFunction(Timeout = 60, MemorySize = 2048, Architecture = LambdaArchitecture.Arm64)]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                [Serverless.Environment("STAGE", "prod")]
                public static string Handle(string request) => request;
            }
        }
        """);

    [Fact]
    public async Task HalfTypedLambdaEdgeGetsNoDiagnostics()
    {
        var test = new ServerlessAnalyzerTest<LambdaEdgeAnalyzer> { CompilerDiagnostics = CompilerDiagnostics.None }.WithGeneratedEntryPoint();
        test.TestState.Sources.Add(("/0/Test0.cs", """
            using Serverless;

            public static class Edge
            {
                static EdgeEvent E() => EdgeEvent.ViewerRequest;
                [LambdaFunction(Timeout = 60)] [LambdaEdge] public static void MissingArgument() { }
                [LambdaFunction(Timeout = 60)] [LambdaEdge(E())] public static void NonConstant() { }
                [LambdaFunction(Timeout = 60)] [LambdaEdge("viewer")] public static void WrongType() { }
                [LambdaFunction(Timeout = 60)] [LambdaEdge(0)] public static void NoEvents() { }
                [LambdaFunction(Timeout = 60)] [LambdaEdge((EdgeEvent)64)] public static void UnknownEvent() { }
                [LambdaFunction(Timeout = N())] [LambdaEdge(EdgeEvent.ViewerRequest)] public static void NonConstantTimeout() { }
                [LambdaEdge(EdgeEvent.ViewerRequest)] public static void WithoutLambdaFunction() { }
            }
            """));
        await test.RunAsync();
    }
}
