using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;
using Http = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HttpRouteAnalyzer>;
using Names = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.FunctionNameAnalyzer>;
using Signature = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HandlerSignatureAnalyzer>;
using Startup = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.StartupAnalyzer>;
using Json = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.JsonContextAnalyzer>;
using HandlerCode = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HandlerCodeAnalyzer>;

namespace Serverless.Analyzers.Tests;

using RemoveFixTest = ServerlessCodeFixTest<HttpRouteAnalyzer, RemoveMethodLambdaFunctionCodeFixProvider>;
using PublicFixTest = ServerlessCodeFixTest<HttpRouteAnalyzer, MakeEndpointPublicCodeFixProvider>;
using LimitFixTest = ServerlessCodeFixTest<HttpRouteAnalyzer, SetLimitCodeFixProvider>;

/// <summary>Class-level [LambdaFunction]: SLS3020-SLS3022, and the existing rules seeing every routed method of a class function.</summary>
public class ClassFunctionAnalyzerTests
{
    [Fact]
    public Task UsableClassFunctionsAreNotReported() => Http.VerifyAsync(new[]
    {
        """
        using System;
        using Serverless;

        [LambdaFunction(Timeout = 20)]
        public partial class Inventory
        {
            [HttpApi(HttpVerb.Get, "/items")] public static string[] List() => Array.Empty<string>();
            [HttpApi(HttpVerb.Get, "/items/{sku}")] public string Get(string sku) => sku;
            public void Helper() { }
            private void NotRouted() { }
        }

        public static class Outer
        {
            [LambdaFunction]
            public sealed class Nested
            {
                [HttpApi(HttpVerb.Get, "/nested")] [RestApi(HttpVerb.Get, "/nested")] public string Get() => "";

                // A nested class of a class function is not part of it.
                public sealed class Inner
                {
                    [LambdaFunction] [HttpApi(HttpVerb.Get, "/inner")] public static string Get() => "";
                }
            }
        }
        """,
        """
        using Serverless;

        public partial class Inventory
        {
            [HttpApi(HttpVerb.Delete, "/items/{sku}")] public void Delete(string sku) { }
        }

        namespace Other
        {
            // A user attribute that merely shares the name.
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class LambdaFunctionAttribute : System.Attribute { }

            [LambdaFunction]
            public sealed class NotAFunction { public void Run() { } }
        }
        """,
    });

    [Fact]
    public Task SLS3020_ClassFunctionWithoutRoutedPublicMethods() => Http.VerifyAsync(
        """
        using Serverless;

        [LambdaFunction]
        public sealed class {|#0:Empty|}
        {
            public void Run() { }
        }

        [LambdaFunction(Name = "Hidden")]
        public sealed class {|#1:OnlyPrivate|}
        {
            [HttpApi(HttpVerb.Get, "/hidden")] private string {|#2:Get|}() => "";
        }
        """,
        Http.Diagnostic("SLS3020").WithLocation(0).WithArguments("Empty", "none of its public methods carries [HttpApi] or [RestApi]"),
        Http.Diagnostic("SLS3020").WithLocation(1).WithArguments("OnlyPrivate", "its routed methods are not public"),
        Http.Diagnostic("SLS3022").WithLocation(2).WithArguments("Get", "private", "OnlyPrivate"));

    [Fact]
    public Task SLS3021_LambdaFunctionOnAMethodOfAClassFunction() => Http.VerifyAsync(
        """
        using Serverless;

        [LambdaFunction]
        public sealed class Orders
        {
            [{|#0:LambdaFunction(MemorySize = 512)|}]
            [HttpApi(HttpVerb.Get, "/orders")]
            public string List() => "";

            [HttpApi(HttpVerb.Post, "/orders")]
            public void Create() { }

            [{|#1:LambdaFunction|}]
            public static void Nightly() { }
        }

        [LambdaFunction]
        public sealed class OnlyAmbiguous
        {
            [{|#2:LambdaFunction|}, System.Obsolete]
            [HttpApi(HttpVerb.Get, "/ambiguous")]
            public string Get() => "";
        }
        """,
        Http.Diagnostic("SLS3021").WithLocation(0).WithArguments("Orders.List", "Orders"),
        Http.Diagnostic("SLS3021").WithLocation(1).WithArguments("Orders.Nightly", "Orders"),
        Http.Diagnostic("SLS3021").WithLocation(2).WithArguments("OnlyAmbiguous.Get", "OnlyAmbiguous"));

    [Fact]
    public async Task SLS3021_FixRemovesTheMethodAttributeOnly()
    {
        var before = """
            using System;
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                /// <summary>Lists.</summary>
                [{|SLS3021:LambdaFunction(MemorySize = 512)|}]
                [HttpApi(HttpVerb.Get, "/orders")]
                public string List() => "";

                [Obsolete, {|SLS3021:LambdaFunction|}]
                [HttpApi(HttpVerb.Post, "/orders")]
                public void Create() { }
            }
            """;
        var after = """
            using System;
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                /// <summary>Lists.</summary>
                [HttpApi(HttpVerb.Get, "/orders")]
                public string List() => "";

                [Obsolete]
                [HttpApi(HttpVerb.Post, "/orders")]
                public void Create() { }
            }
            """;
        await new RemoveFixTest().WithSources(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task SLS3021_FixAllAcrossDocuments()
    {
        var before = new[]
        {
            """
            using Serverless;

            [LambdaFunction]
            public partial class Orders
            {
                [{|SLS3021:LambdaFunction|}] [HttpApi(HttpVerb.Get, "/a")] public string A() => "";
            }
            """,
            """
            using Serverless;

            public partial class Orders
            {
                [{|SLS3021:LambdaFunction|}]
                [HttpApi(HttpVerb.Get, "/b")]
                public string B() => "";
            }
            """,
        };
        var after = new[]
        {
            """
            using Serverless;

            [LambdaFunction]
            public partial class Orders
            {
                [HttpApi(HttpVerb.Get, "/a")] public string A() => "";
            }
            """,
            """
            using Serverless;

            public partial class Orders
            {
                [HttpApi(HttpVerb.Get, "/b")]
                public string B() => "";
            }
            """,
        };
        var test = new RemoveFixTest().WithSources(before, after);
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;   // one document at a time
        await test.RunAsync();
    }

    [Fact]
    public async Task SLS3022_FixMakesTheMethodPublicAndFixAllDoesEvery()
    {
        var before = """
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")] public string List() => "";
                [HttpApi(HttpVerb.Get, "/orders/{id}")] internal string {|SLS3022:Get|}(string id) => id;
                [HttpApi(HttpVerb.Delete, "/orders/{id}")] static void {|SLS3022:Delete|}(string id) { }
            }
            """;
        var after = """
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")] public string List() => "";
                [HttpApi(HttpVerb.Get, "/orders/{id}")] public string Get(string id) => id;
                [HttpApi(HttpVerb.Delete, "/orders/{id}")] public static void Delete(string id) { }
            }
            """;
        await new PublicFixTest().WithSources(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public Task SLS3023_FunctionSettingsOnARoutedMethod() => Http.VerifyAsync(
        """
        using Serverless;

        [LambdaFunction]
        [Environment("TABLE", "orders")]
        [RdsProxy("orders-db")]
        public sealed class Orders
        {
            [HttpApi(HttpVerb.Get, "/orders")]
            [{|#0:Environment("PAGE_SIZE", "50")|}]
            [{|#1:RdsProxy("reports-db")|}]
            public string List() => "";

            [{|#2:LambdaEdge(EdgeEvent.ViewerRequest)|}, HttpApi(HttpVerb.Get, "/edge")]
            public string Edge() => "";

            // Not an endpoint: nothing to say here (SLS3022 is about the route).
            [Environment("X", "y")]
            public void Helper() { }
        }
        """,
        Http.Diagnostic("SLS3023").WithLocation(0).WithArguments("Environment", "Orders.List", "Orders", "put it on the class"),
        Http.Diagnostic("SLS3023").WithLocation(1).WithArguments("RdsProxy", "Orders.List", "Orders", "put it on the class"),
        Http.Diagnostic("SLS3023").WithLocation(2).WithArguments("LambdaEdge", "Orders.Edge", "Orders", "a Lambda@Edge function is a [LambdaFunction] method of its own"));

    [Fact]
    public async Task SLS3023_FixRemovesTheAttributeAndFixAllDoesEvery()
    {
        var before = """
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")]
                [{|SLS3023:Environment("PAGE_SIZE", "50")|}]
                public string List() => "";

                [{|SLS3023:Environment("A", "1")|}, HttpApi(HttpVerb.Get, "/a")] public string A() => "";
            }
            """;
        var after = """
            using Serverless;

            [LambdaFunction]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")]
                public string List() => "";

                [HttpApi(HttpVerb.Get, "/a")] public string A() => "";
            }
            """;
        await new RemoveFixTest().WithSources(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public Task HttpRulesAreReportedAtTheRoutedMethod() => Http.VerifyAsync(
        """
        using Serverless;

        [LambdaFunction]
        public sealed class Orders
        {
            [HttpApi(HttpVerb.Get, {|#0:"/orders/{id}"|})] public string Get() => "";
            [HttpApi(HttpVerb.Get, {|SLS3001:"orders"|})] public string Bad() => "";
            [HttpApi(HttpVerb.Post, "/orders")] public void Create(Order a, Order {|SLS3004:b|}) { }
        }

        public sealed class Order { }
        """,
        Http.Diagnostic("SLS3002").WithLocation(0).WithArguments("/orders/{id}", "id", "Orders.Get"));

    [Fact]
    public Task SignatureRulesAreReportedAtTheRoutedMethodOrTheClass() => Signature.VerifyAsync(
        """
        using System.Threading.Tasks;
        using Serverless;

        [LambdaFunction]
        public sealed class Orders
        {
            [HttpApi(HttpVerb.Get, "/a")] public async {|SLS1005:void|} A() { await Task.Yield(); }
            [HttpApi(HttpVerb.Get, "/b")] public void B(ref int {|SLS1002:x|}) { }
            [HttpApi(HttpVerb.Get, "/c")] public void {|SLS1003:C|}<T>() { }
        }

        public static class Outer<T>
        {
            [LambdaFunction]
            public sealed class {|SLS1003:Generic|}
            {
                [HttpApi(HttpVerb.Get, "/g")] public static void G() { }
            }
        }

        [LambdaFunction]
        internal abstract class {|SLS1017:Abstract|}
        {
            [HttpApi(HttpVerb.Get, "/abstract")] public void Get() { }
        }

        [LambdaFunction]
        public static class StaticOnly
        {
            [HttpApi(HttpVerb.Get, "/static")] public static void Get() { }
        }

        public static class Holder
        {
            [LambdaFunction]
            private sealed class {|SLS1004:Hidden|}
            {
                [HttpApi(HttpVerb.Get, "/hidden")] public static void Get() { }
            }
        }
        """);

    [Fact]
    public Task SLS3007_DuplicateRoutesWithinAClassFunctionAndAcrossFunctions() => Http.VerifyAsync(new[]
    {
        """
        using Serverless;

        [LambdaFunction]
        public sealed class Orders
        {
            [HttpApi(HttpVerb.Get, {|#0:"/orders/{id}"|})] public string Get(string id) => id;
            [HttpApi(HttpVerb.Get, {|#1:"/orders/{orderId}"|})] public string Find(string orderId) => orderId;
            [HttpApi(HttpVerb.Get, "/orders/reserved")] public string Reserved() => "";
            [HttpApi(HttpVerb.Delete, {|#2:"/orders/{id}"|})] public void Delete(string id) { }
        }
        """,
        """
        using Serverless;

        public static class Legacy
        {
            [LambdaFunction] [HttpApi(HttpVerb.Delete, {|#3:"/orders/{key}"|})] public static void Remove(string key) { }
        }
        """,
    },
        Http.Diagnostic("SLS3007").WithLocation(1).WithLocation(0).WithArguments("GET", "/orders/{orderId}", "HTTP API", "Orders.Get"),
        Http.Diagnostic("SLS3007").WithLocation(3).WithLocation(2).WithArguments("DELETE", "/orders/{key}", "HTTP API", "Orders.Delete"));

    [Fact]
    public Task SLS1006_ClassFunctionNamesTakePartInDuplicateNames() => Names.VerifyAsync(
        """
        using Serverless;

        [LambdaFunction]
        public sealed class {|#0:Orders|}
        {
            [HttpApi(HttpVerb.Get, "/orders")] public string List() => "";
        }

        public static class Jobs
        {
            [LambdaFunction(Name = {|#1:"Orders"|})] public static void Run() { }
        }
        """,
        Names.Diagnostic("SLS1006").WithLocation(1).WithLocation(0).WithArguments("Orders", "Orders"));

    [Fact]
    public async Task SLS3008_InheritedTimeoutIsReportedOnTheRouteAndFixedOnTheClass()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 60)]

            [LambdaFunction(MemorySize = 512)]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")] public string List() => "";
                [{|SLS3008:RestApi(HttpVerb.Get, "/legacy/orders")|}] public string Legacy() => "";
            }

            [LambdaFunction(Timeout = {|SLS3008:45|})]
            public sealed class Reports
            {
                [HttpApi(HttpVerb.Get, "/reports")] public string List() => "";
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("orders", Timeout = 60)]

            [LambdaFunction(MemorySize = 512, Timeout = 29)]
            public sealed class Orders
            {
                [HttpApi(HttpVerb.Get, "/orders")] public string List() => "";
                [RestApi(HttpVerb.Get, "/legacy/orders")] public string Legacy() => "";
            }

            [LambdaFunction(Timeout = 30)]
            public sealed class Reports
            {
                [HttpApi(HttpVerb.Get, "/reports")] public string List() => "";
            }
            """;
        await new LimitFixTest().WithSources(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public Task SLS1011_ServicesOfEndpointsNeedAStartup() => Startup.VerifyAsync(
        """
        using Serverless;

        public interface IStore { }

        [LambdaFunction]
        public sealed class Orders(IStore {|#0:store|})
        {
            [HttpApi(HttpVerb.Get, "/orders")] public string List([FromServices] IStore {|#1:other|}) => "";
        }
        """,
        Startup.Diagnostic("SLS1011").WithLocation(0).WithArguments("Orders", "IStore"),
        Startup.Diagnostic("SLS1011").WithLocation(1).WithArguments("Orders.List", "IStore"));

    [Fact]
    public Task SLS1014_EndpointBodyAndResultTypesNeedTheContext() => Json.VerifyAsync(new[]
    {
        """
        using System.Text.Json.Serialization;
        using Serverless;

        namespace App;

        public record Item(string Sku);
        public record NewItem(string Sku);

        [JsonSerializable(typeof(Item))]
        public partial class AppJson : JsonSerializerContext;

        [LambdaFunction]
        public sealed class Inventory
        {
            [HttpApi(HttpVerb.Get, "/items/{sku}")] public Item Get(string sku) => new(sku);
            [HttpApi(HttpVerb.Post, "/items")] public Item Create([FromBody] NewItem {|SLS1014:item|}) => new(item.Sku);
            [HttpApi(HttpVerb.Get, "/items")] public {|SLS1014:Item[]|} List() => [];
            [HttpApi(HttpVerb.Delete, "/items/{sku}")] public void Delete(string sku) { }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson", "App"),
    });

    [Fact]
    public Task SLS2002_EveryRoutedMethodBodyIsInvocationCode() => HandlerCode.VerifyAsync(new[]
    {
        """
        using System.Net.Http;
        using Serverless;

        namespace App;

        [LambdaFunction]
        public sealed class Inventory
        {
            private static readonly HttpClient Shared = new();

            [HttpApi(HttpVerb.Get, "/a")] public string A() { var c = {|SLS2002:new HttpClient()|}; return Helper(); }
            [HttpApi(HttpVerb.Get, "/b")] public static string B() => Shared.ToString()!;

            private string Helper() { var c = {|SLS2002:new HttpClient()|}; return ""; }

            // Not invocation code: not public, or not routed.
            public string NotRouted() { var c = new HttpClient(); return ""; }
        }
        """,
        HandlerCodeStubs.Source,
    });
}
