using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using EdgeFixTest = ServerlessCodeFixTest<LambdaEdgeAnalyzer, SetLimitCodeFixProvider>;
using LimitsFixTest = ServerlessCodeFixTest<FunctionLimitsAnalyzer, SetLimitCodeFixProvider>;
using HttpFixTest = ServerlessCodeFixTest<HttpRouteAnalyzer, SetLimitCodeFixProvider>;

public class SetLimitCodeFixTests
{
    private static string Plain(string source) => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|SLS\d{4}:(.*?)\|\}", "$1");

    [Fact]
    public async Task SLS1100_TimeoutOverTheLimitBecomes900AndUnderTheLimitBecomes1()
    {
        var before = """
            using Serverless;

            public static class Orders
            {
                [LambdaFunction(MemorySize = 512, Timeout = {|SLS1100:1200|})] public static void Import() { }
                [LambdaFunction(Timeout = /* keep */ {|SLS1100:-1|})] public static void Negative() { }
            }
            """;
        var after = """
            using Serverless;

            public static class Orders
            {
                [LambdaFunction(MemorySize = 512, Timeout = 900)] public static void Import() { }
                [LambdaFunction(Timeout = /* keep */ 1)] public static void Negative() { }
            }
            """;
        await new LimitsFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1100_SLS1101_AppDefaultsAreFixedOnTheAssemblyAttribute()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = {|SLS1100:3600|}, MemorySize = {|SLS1101:20000|})]

            public static class Orders
            {
                [LambdaFunction] public static void Import() { }
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 900, MemorySize = 10240)]

            public static class Orders
            {
                [LambdaFunction] public static void Import() { }
            }
            """;
        // Fix All goes one rule at a time.
        await new LimitsFixTest().WithSources(before, after).WithIterations(fixAll: 2, fixAllInDocument: 2).RunAsync();
    }

    [Fact]
    public async Task SLS1101_SLS1102_ClampToTheNearestBound()
    {
        var before = """
            using Serverless;

            public static class Files
            {
                [LambdaFunction(MemorySize = {|SLS1101:64|})] public static void Small() { }
                [LambdaFunction(MemorySize = {|SLS1101:65536|})] public static void Big() { }
                [LambdaFunction(EphemeralStorage = {|SLS1102:100|})] public static void SmallDisk() { }
                [LambdaFunction(EphemeralStorage = {|SLS1102:50000|})] public static void BigDisk() { }
            }
            """;
        var after = """
            using Serverless;

            public static class Files
            {
                [LambdaFunction(MemorySize = 128)] public static void Small() { }
                [LambdaFunction(MemorySize = 10240)] public static void Big() { }
                [LambdaFunction(EphemeralStorage = 512)] public static void SmallDisk() { }
                [LambdaFunction(EphemeralStorage = 10240)] public static void BigDisk() { }
            }
            """;
        await new LimitsFixTest().WithSources(before, after).WithIterations(fixAll: 2, fixAllInDocument: 2).RunAsync();
    }

    [Fact]
    public async Task SLS1100_FixAllAcrossDocumentsAndPartialClasses()
    {
        var first = """
            using Serverless;

            public partial class Jobs
            {
                [LambdaFunction(Timeout = {|SLS1100:1000|})] public void A() { }
                [LambdaFunction(Timeout = {|SLS1100:0x7FFFFFFF|})] public void B() { }
            }
            """;
        var second = """
            using Serverless;

            namespace Other
            {
                public static class Outer
                {
                    public static class Inner
                    {
                        [LambdaFunction(Timeout = {|SLS1100:7200|}, MemorySize = 256)] public static void C() { }
                    }
                }
            }

            public partial class Jobs
            {
                [LambdaFunction(Timeout = {|SLS1100:901|})] public void D() { }
            }
            """;
        await new LimitsFixTest().WithSources(
                new[] { first, second },
                new[] { Plain(first).Replace("1000", "900").Replace("0x7FFFFFFF", "900"), Plain(second).Replace("7200", "900").Replace("901", "900") })
            .WithCodeAction("SLS1100.SetTimeout")
            .RunAsync();
    }

    [Fact]
    public async Task SLS1111_TimeoutOnTheArgumentIsSetToTheEventLimit()
    {
        var before = """
            using Serverless;

            public static class Edge
            {
                [LambdaFunction(Timeout = {|SLS1111:10|})]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Viewer(string request) => request;

                [LambdaFunction(Timeout = {|SLS1111:60|})]
                [LambdaEdge(EdgeEvent.OriginRequest)]
                public static string Origin(string request) => request;
            }
            """;
        var after = """
            using Serverless;

            public static class Edge
            {
                [LambdaFunction(Timeout = 5)]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Viewer(string request) => request;

                [LambdaFunction(Timeout = 30)]
                [LambdaEdge(EdgeEvent.OriginRequest)]
                public static string Origin(string request) => request;
            }
            """;
        await new EdgeFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1111_InheritedTimeoutAddsTheArgumentToLambdaFunction()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("site", Timeout = 60)]

            public static class Edge
            {
                [LambdaFunction]
                [{|SLS1111:LambdaEdge(EdgeEvent.ViewerRequest)|}]
                public static string Bare(string request) => request;

                [LambdaFunction(MemorySize = 128)]
                [{|SLS1111:LambdaEdge(EdgeEvent.ViewerResponse)|}]
                public static string WithArguments(string request) => request;

                [LambdaFunction()]
                [{|SLS1111:LambdaEdge(EdgeEvent.OriginResponse)|}]
                public static string EmptyList(string request) => request;
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("site", Timeout = 60)]

            public static class Edge
            {
                [LambdaFunction(Timeout = 5)]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Bare(string request) => request;

                [LambdaFunction(MemorySize = 128, Timeout = 5)]
                [LambdaEdge(EdgeEvent.ViewerResponse)]
                public static string WithArguments(string request) => request;

                [LambdaFunction(Timeout = 30)]
                [LambdaEdge(EdgeEvent.OriginResponse)]
                public static string EmptyList(string request) => request;
            }
            """;
        await new EdgeFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1112_ViewerMemoryIsSetTo128()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("site", MemorySize = 1024)]

            public static class Edge
            {
                [LambdaFunction(Timeout = 5, MemorySize = {|SLS1112:512|})]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Own(string request) => request;

                [LambdaFunction(Timeout = 5)]
                [{|SLS1112:LambdaEdge(EdgeEvent.ViewerResponse)|}]
                public static string Inherited(string request) => request;
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("site", MemorySize = 1024)]

            public static class Edge
            {
                [LambdaFunction(Timeout = 5, MemorySize = 128)]
                [LambdaEdge(EdgeEvent.ViewerRequest)]
                public static string Own(string request) => request;

                [LambdaFunction(Timeout = 5, MemorySize = 128)]
                [LambdaEdge(EdgeEvent.ViewerResponse)]
                public static string Inherited(string request) => request;
            }
            """;
        await new EdgeFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1113_ArchitectureBecomesX86_64()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("site", Architecture = LambdaArchitecture.Arm64)]

            namespace Site
            {
                public class Edge
                {
                    [LambdaFunction(Architecture = {|SLS1113:LambdaArchitecture.Arm64|})]
                    [LambdaEdge(EdgeEvent.OriginRequest)]
                    public string Own(string request) => request;

                    [LambdaFunction]
                    [{|SLS1113:LambdaEdge(EdgeEvent.OriginResponse)|}]
                    public string Inherited(string request) => request;
                }
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("site", Architecture = LambdaArchitecture.Arm64)]

            namespace Site
            {
                public class Edge
                {
                    [LambdaFunction(Architecture = LambdaArchitecture.X86_64)]
                    [LambdaEdge(EdgeEvent.OriginRequest)]
                    public string Own(string request) => request;

                    [LambdaFunction(Architecture = LambdaArchitecture.X86_64)]
                    [LambdaEdge(EdgeEvent.OriginResponse)]
                    public string Inherited(string request) => request;
                }
            }
            """;
        await new EdgeFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1113_FixAllInSolutionWithoutUsingDirective()
    {
        static string Source(string ns, bool fixedUp) => $$"""
            namespace {{ns}};

            public static class Edge
            {
                [Serverless.LambdaFunction(Architecture = {{(fixedUp ? "Serverless.LambdaArchitecture.X86_64" : "{|SLS1113:Serverless.LambdaArchitecture.Arm64|}")}})]
                [Serverless.LambdaEdge(Serverless.EdgeEvent.ViewerRequest)]
                public static string Handle(string request) => request;
            }
            """;

        await new EdgeFixTest()
            .WithSources(Source("First", false), Source("First", true))
            .WithProject("Second", new[] { Source("Second", false) }, new[] { Source("Second", true) })
            .WithCodeAction("SLS1113.SetArchitecture")
            .RunAsync();
    }

    [Fact]
    public async Task SLS3008_TimeoutIsSetToTheIntegrationTimeoutOnTheArgumentOrOnLambdaFunction()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 60)]

            public static class Api
            {
                [LambdaFunction(Timeout = /* keep */ {|SLS3008:45|})]
                [RestApi(HttpVerb.Post, "/reports")]
                public static void Report() { }

                [LambdaFunction(MemorySize = 512, Timeout = {|SLS3008:90|})]
                [HttpApi(HttpVerb.Post, "/exports")]
                public static void Export() { }

                [LambdaFunction]
                [{|SLS3008:HttpApi(HttpVerb.Get, "/orders")|}]
                public static void List() { }

                [LambdaFunction(MemorySize = 256)]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                [{|SLS3008:RestApi(HttpVerb.Get, "/orders/{id}")|}]
                public static void Get(string id) { }

                [LambdaFunction(Timeout = 0)]
                [{|SLS3008:RestApi(HttpVerb.Delete, "/orders/{id}")|}]
                public static void Delete(string id) { }
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 60)]

            public static class Api
            {
                [LambdaFunction(Timeout = /* keep */ 29)]
                [RestApi(HttpVerb.Post, "/reports")]
                public static void Report() { }

                [LambdaFunction(MemorySize = 512, Timeout = 30)]
                [HttpApi(HttpVerb.Post, "/exports")]
                public static void Export() { }

                [LambdaFunction(Timeout = 30)]
                [HttpApi(HttpVerb.Get, "/orders")]
                public static void List() { }

                [LambdaFunction(MemorySize = 256, Timeout = 29)]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                [RestApi(HttpVerb.Get, "/orders/{id}")]
                public static void Get(string id) { }

                [LambdaFunction(Timeout = 29)]
                [RestApi(HttpVerb.Delete, "/orders/{id}")]
                public static void Delete(string id) { }
            }
            """;
        await new HttpFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS3008_FixAllAcrossDocuments()
    {
        var first = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 120)]

            public partial class Api
            {
                [LambdaFunction(Timeout = {|SLS3008:300|})] [RestApi(HttpVerb.Get, "/a")] public void A() { }
                [LambdaFunction] [{|SLS3008:HttpApi(HttpVerb.Get, "/b")|}] public void B() { }
                [LambdaFunction(Timeout = 10)] [HttpApi(HttpVerb.Get, "/ok")] public void Ok() { }
            }
            """;
        var second = """
            using Serverless;

            namespace Other
            {
                public static class Reports
                {
                    [LambdaFunction(Timeout = {|SLS3008:31|}, MemorySize = 256)] [HttpApi(HttpVerb.Get, "/c")] public static void C() { }
                }
            }

            public partial class Api
            {
                [LambdaFunction(MemorySize = 1024)] [{|SLS3008:RestApi(HttpVerb.Get, "/d")|}] public void D() { }
            }
            """;
        var firstFixed = Plain(first).Replace("Timeout = 300", "Timeout = 29").Replace("[LambdaFunction] [HttpApi", "[LambdaFunction(Timeout = 30)] [HttpApi");
        var secondFixed = Plain(second).Replace("Timeout = 31", "Timeout = 30").Replace("MemorySize = 1024)", "MemorySize = 1024, Timeout = 29)");
        await new HttpFixTest().WithSources(new[] { first, second }, new[] { firstFixed, secondFixed })
            .WithCodeAction("SLS3008.SetTimeout")
            .RunAsync();
    }
}
