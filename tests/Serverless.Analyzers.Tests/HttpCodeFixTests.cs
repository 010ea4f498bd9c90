using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes.Http;

namespace Serverless.Analyzers.Tests;

using AddParameterTest = ServerlessCodeFixTest<HttpRouteAnalyzer, AddRouteParameterCodeFixProvider>;
using NotInRouteTest = ServerlessCodeFixTest<HttpRouteAnalyzer, RouteValueNotInRouteCodeFixProvider>;
using BodyTest = ServerlessCodeFixTest<HttpRouteAnalyzer, BodyWithoutRequestContentCodeFixProvider>;

/// <summary>The fixes of SLS3002 (add a parameter), SLS3003 (query or route) and SLS3005 (POST or query), with Fix All.</summary>
public class HttpCodeFixTests
{
    private const string Types = """

        public sealed class NewOrder { public int Quantity { get; set; } }
        """;

    [Fact]
    public async Task SLS3002_AddsAStringParameterBeforeCancellationContextAndOptionalParameters()
    {
        var before = """
            using System.Threading;
            using Serverless;

            public class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/orders/{id}"|})] public void Get() { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/files/{proxy+}"|})] public void Files(CancellationToken ct) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/a/{x}"|})] public void Context(int page, ILambdaContext context, CancellationToken ct) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/b/{event}"|})] public void Keyword([FromQuery] int size = 10) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/c/{user-id}"|})] public void Dashed(
                    int page,
                    CancellationToken ct) { }
            }
            """ + Types;
        var after = """
            using System.Threading;
            using Serverless;

            public class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders/{id}")] public void Get(string id) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/files/{proxy+}")] public void Files(string proxy, CancellationToken ct) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/a/{x}")] public void Context(int page, string x, ILambdaContext context, CancellationToken ct) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/b/{event}")] public void Keyword(string @event, [FromQuery] int size = 10) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/c/{user-id}")] public void Dashed(
                    int page,
                    [FromRoute("user-id")] string userId,
                    CancellationToken ct) { }
            }
            """ + Types;
        await new AddParameterTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS3002_NameTakenByAQueryParameterGetsAnExplicitRouteName()
    {
        var before = """
            public class Api
            {
                [Serverless.LambdaFunction]
                [Serverless.HttpApi(Serverless.HttpVerb.Get, {|SLS3002:"/orders/{id}"|})]
                public void Get([Serverless.FromQuery("q")] int id) { }
            }
            """;
        var after = """
            public class Api
            {
                [Serverless.LambdaFunction]
                [Serverless.HttpApi(Serverless.HttpVerb.Get, "/orders/{id}")]
                public void Get([Serverless.FromQuery("q")] int id, [Serverless.FromRoute("id")] string idValue) { }
            }
            """;
        await new AddParameterTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS3002_FixAllAddsEveryValueOnceInRouteOrderAcrossDocuments()
    {
        var first = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, {|#0:"/orders/{tenant}/{id}/lines/{line}"|})]
                [RestApi(HttpVerb.Get, {|#1:"/v1/orders/{tenant}/{id}/lines/{line}"|})]
                public void Get(int id) { }
            }
            """;
        var second = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Delete, {|SLS3002:"/orders/{id}"|})] public void Delete() { }
            }
            """;
        var firstAfter = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{tenant}/{id}/lines/{line}")]
                [RestApi(HttpVerb.Get, "/v1/orders/{tenant}/{id}/lines/{line}")]
                public void Get(int id, string tenant, string line) { }
            }
            """;
        var secondAfter = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Delete, "/orders/{id}")] public void Delete(string id) { }
            }
            """;
        var test = new AddParameterTest()
            .WithSources(new[] { first, second }, new[] { firstAfter.Replace("string tenant, string line", "string line, string tenant"), secondAfter })
            .WithCodeAction("SLS3002.AddParameter")
            .WithIterations(incremental: 3, fixAll: 1, fixAllInDocument: 2);
        // One fix at a time adds in diagnostic order; Fix All in route order.
        test.BatchFixedState.Sources.AddRange(test.FixedState.Sources);
        test.BatchFixedState.Sources[0] = (test.BatchFixedState.Sources[0].filename, Microsoft.CodeAnalysis.Text.SourceText.From(firstAfter));
        test.TestState.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("SLS3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("/orders/{tenant}/{id}/lines/{line}", "tenant", "Api.Get"),
            new DiagnosticResult("SLS3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("/orders/{tenant}/{id}/lines/{line}", "line", "Api.Get"),
            new DiagnosticResult("SLS3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("/v1/orders/{tenant}/{id}/lines/{line}", "tenant", "Api.Get"),
            new DiagnosticResult("SLS3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("/v1/orders/{tenant}/{id}/lines/{line}", "line", "Api.Get"),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task SLS3003_BindsFromTheQueryKeepingTheName()
    {
        var before = """
            using System;
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                public static void Get(Guid id, [FromRoute("line")] int {|SLS3003:lineNumber|}, [FromRouteAttribute] string {|SLS3003:tenant|}) { }
            }
            """;
        var after = """
            using System;
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                public static void Get(Guid id, [FromQuery("line")] int lineNumber, [FromQueryAttribute] string tenant) { }
            }
            """;
        await new NotInRouteTest().WithSources(before, after).WithCodeAction("SLS3003.BindFromQuery").RunAsync();
    }

    [Fact]
    public async Task SLS3003_AddsTheValueAsTheLastSegmentOfEveryRoute()
    {
        var before = """
            using System;
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                [RestApi(HttpVerb.Get, @"/v1/orders/{id}")]
                public static void Get(Guid id, [FromRoute("line")] int {|SLS3003:lineNumber|}) { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/")]
                public static void Root([FromRoute] string {|SLS3003:tenant|}) { }
            }
            """;
        var after = """
            using System;
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{id}/{line}")]
                [RestApi(HttpVerb.Get, "/v1/orders/{id}/{line}")]
                public static void Get(Guid id, [FromRoute("line")] int lineNumber) { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/{tenant}")]
                public static void Root([FromRoute] string tenant) { }
            }
            """;
        await new NotInRouteTest().WithSources(before, after).WithCodeAction("SLS3003.AddToRoute").RunAsync();
    }

    [Fact]
    public async Task SLS3003_NoRouteFixWhenARouteIsGreedyOrNotALiteral()
    {
        var source = """
            using Serverless;

            public static class Routes { public const string Orders = "/orders"; }

            public static class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/files/{rest+}")] public static void Files(string rest, [FromRoute] string {|SLS3003:tenant|}) { }
                [LambdaFunction] [HttpApi(HttpVerb.Get, Routes.Orders)] public static void Orders([FromRoute] string {|SLS3003:tenant|}) { }
            }
            """;
        await new NotInRouteTest().WithSources(source, source).WithCodeAction("SLS3003.AddToRoute").RunAsync();
    }

    [Fact]
    public async Task SLS3003_FixAllAddsEveryValueInParameterOrder()
    {
        var before = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders")]
                public static void Get([FromRoute] string {|SLS3003:tenant|}, [FromRoute("id")] int {|SLS3003:orderId|}) { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/carts")]
                public static void Put([FromRoute] string {|SLS3003:cart|}) { }
            }
            """;
        var after = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{tenant}/{id}")]
                public static void Get([FromRoute] string tenant, [FromRoute("id")] int orderId) { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/carts/{cart}")]
                public static void Put([FromRoute] string cart) { }
            }
            """;
        await new NotInRouteTest().WithSources(before, after)
            .WithCodeAction("SLS3003.AddToRoute")
            .WithIterations(incremental: 3, fixAll: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3005_MakesEveryRoutePost()
    {
        var before = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/search")]
                [RestApi(method: Serverless.HttpVerb.Delete, route: "/orders/search")]
                public static void Search(NewOrder {|SLS3005:filter|}) { }
            }
            """ + Types;
        var after = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/orders/search")]
                [RestApi(method: HttpVerb.Post, route: "/orders/search")]
                public static void Search(NewOrder filter) { }
            }
            """ + Types;
        await new BodyTest().WithSources(before, after).WithCodeAction("SLS3005.UsePost").RunAsync();
    }

    [Fact]
    public async Task SLS3005_SimpleTypeIsBoundFromTheQuery()
    {
        var before = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders")]
                public static void Search([FromBody] string {|SLS3005:customer|}, int page = 1) { }
            }
            """;
        var after = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders")]
                public static void Search([FromQuery] string customer, int page = 1) { }
            }
            """;
        await new BodyTest().WithSources(before, after).WithCodeAction("SLS3005.BindFromQuery").RunAsync();
    }

    [Fact]
    public async Task SLS3005_NoQueryFixForAComplexTypeAndNoPostFixWhenRoutesWouldCollide()
    {
        var source = """
            using Serverless;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders")]
                public static void Search(NewOrder {|SLS3005:filter|}) { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/carts")]
                [HttpApi(HttpVerb.Head, "/carts")]
                public static void Carts([FromBody] NewOrder {|SLS3005:filter|}) { }
            }
            """ + Types;
        await new BodyTest().WithSources(source, source).WithCodeAction("SLS3005.BindFromQuery").RunAsync();

        var expected = source.Replace("public static void Search(NewOrder {|SLS3005:filter|})", "public static void Search(NewOrder filter)")
            .Replace("[HttpApi(HttpVerb.Get, \"/orders\")]", "[HttpApi(HttpVerb.Post, \"/orders\")]");
        var post = new BodyTest().WithSources(source, expected).WithCodeAction("SLS3005.UsePost");
        post.FixedState.MarkupHandling = MarkupMode.Allow;
        await post.RunAsync();
    }

    [Fact]
    public async Task SLS3005_FixAllAcrossDocuments()
    {
        var first = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] public void A(NewOrder {|SLS3005:a|}) { }
                [LambdaFunction] [RestApi(HttpVerb.Head, "/b")] public void B([FromBody] int {|SLS3005:b|}) { }
            }
            """ + Types;
        var second = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Delete, "/c")] public void C(NewOrder {|SLS3005:c|}) { }
            }
            """;
        var firstAfter = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Post, "/a")] public void A(NewOrder a) { }
                [LambdaFunction] [RestApi(HttpVerb.Post, "/b")] public void B([FromBody] int b) { }
            }
            """ + Types;
        var secondAfter = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Post, "/c")] public void C(NewOrder c) { }
            }
            """;
        await new BodyTest().WithSources(new[] { first, second }, new[] { firstAfter, secondAfter }).WithCodeAction("SLS3005.UsePost").RunAsync();
    }
}
