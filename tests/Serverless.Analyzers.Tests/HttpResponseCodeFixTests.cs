using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes.Http;

namespace Serverless.Analyzers.Tests;

using RemoveBodyTest = ServerlessCodeFixTest<HttpRouteAnalyzer, RemoveHttpResponseBodyCodeFixProvider>;
using RemoveDuplicateTest = ServerlessCodeFixTest<HttpRouteAnalyzer, RemoveDuplicateHttpResponseCodeFixProvider>;

/// <summary>The [HttpResponse] fixes: SLS3018's body on a status without content removed, SLS3019's duplicate removed; with Fix All.</summary>
public class HttpResponseCodeFixTests
{
    private const string Usings = """
        using Serverless;

        public sealed record Product(string Name);

        """;

    [Fact]
    public async Task RemovesTheBodyKeepingStatusAndDescription()
    {
        var before = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Delete, "/products/{id}")]
                [{|#0:HttpResponse(204, typeof(Product), Description = "Gone", ContentType = "application/json")|}]
                [{|#1:HttpResponse(304, ContentType = "text/plain")|}, HttpResponse(404)]
                [{|#2:HttpResponse(599)|}]
                public static void Delete(int id) { }
            }
            """;
        var after = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Delete, "/products/{id}")]
                [HttpResponse(204, Description = "Gone")]
                [HttpResponse(304), HttpResponse(404)]
                [{|#2:HttpResponse(599)|}]
                public static void Delete(int id) { }
            }
            """;
        var test = new RemoveBodyTest().WithSources(new[] { before }, new[] { after });
        test.TestState.ExpectedDiagnostics.AddRange(new[]
        {
            Body(0, 204, "'Product'"),
            Body(1, 304, "text/plain"),
        });
        test.CodeActionEquivalenceKey = "SLS3018.RemoveBody";
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task StatusOutsideHttpHasNoFix()
    {
        var source = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products")]
                [{|#0:HttpResponse(700, typeof(Product))|}]
                public static void List() { }
            }
            """;
        var test = new RemoveBodyTest().WithSources(new[] { source }, new[] { source });
        test.TestState.ExpectedDiagnostics.Add(Verifier<HttpRouteAnalyzer>.Diagnostic("SLS3018").WithLocation(0)
            .WithArguments("Api.List", "has the status 700, which is not an HTTP status code; use one from 100 to 599"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllRemovesEveryDuplicateAndEmptiedLists()
    {
        var before = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}")]
                [HttpResponse(404)]
                [{|SLS3019:HttpResponse(404, Description = "Gone")|}]
                [HttpResponse(409), {|SLS3019:HttpResponse(409)|}]
                public static Product? Get(int id) => null;

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/products/{id}")]
                [HttpResponse(412)]
                // A comment on its own line stays.
                [{|SLS3019:HttpResponse(412)|}, {|SLS3019:HttpResponse(412, Description = "Changed")|}]
                public static void Put(int id) { }
            }
            """;
        var after = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}")]
                [HttpResponse(404)]
                [HttpResponse(409)]
                public static Product? Get(int id) => null;

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/products/{id}")]
                [HttpResponse(412)]
                // A comment on its own line stays.
                public static void Put(int id) { }
            }
            """;
        var test = new RemoveDuplicateTest().WithSources(new[] { before }, new[] { after });
        test.CodeActionEquivalenceKey = "SLS3019.RemoveDuplicate";
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 4;
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Body(int location, int status, string body) =>
        Verifier<HttpRouteAnalyzer>.Diagnostic("SLS3018").WithLocation(location).WithArguments("Api.Delete",
            $"gives status {status} a body ({body}), but a {status} response has no content; remove the type and ContentType");
}
