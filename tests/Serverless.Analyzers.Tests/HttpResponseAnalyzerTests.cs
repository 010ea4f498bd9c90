using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HttpRouteAnalyzer>;
using VerifyJson = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.JsonContextAnalyzer>;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<JsonContextAnalyzer, AddJsonSerializableCodeFixProvider>;

/// <summary>
/// [HttpResponse]: SLS3018 (a status HTTP does not have, a body on a status without content), SLS3019 (declared twice),
/// and SLS1014 for a declared JSON body the app's context lacks, with its fix.
/// </summary>
public class HttpResponseAnalyzerTests
{
    private const string Usings = """
        using System.Text.Json.Serialization;
        using Serverless;

        """;

    // The analyzer tests reference Serverless.Annotations only: the runtime's result and problem types stand in here.
    private const string RuntimeTypes = """
        namespace Serverless
        {
            public interface IHttpResult { }
            public sealed class HttpProblemDetails { }
        }

        """;

    [Fact]
    public Task ValidDeclarationsAreFine() => Verify.VerifyAsync(Usings + RuntimeTypes + """
        namespace App
        {
            public sealed record Product(string Name);

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/products")]
                [HttpResponse(201, typeof(Product))]
                [HttpResponse(409, Description = "Taken")]
                [HttpResponse(200, typeof(string), ContentType = "text/plain")]
                [HttpResponse(200, typeof(byte[]), ContentType = "image/png")]
                [HttpResponse(204)]
                [HttpResponse(304)]
                [HttpResponse(100)]
                [HttpResponse(599)]
                public static IHttpResult Create([FromBody] Product product) => null!;
            }
        }
        """);

    [Fact]
    public Task SLS3018_StatusOutsideHttpAndBodiesWithoutContent() => Verify.VerifyAsync(Usings + RuntimeTypes + """
        namespace App
        {
            public sealed record Product(string Name);

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Delete, "/products/{id}")]
                [{|#0:HttpResponse(99)|}]
                [{|#1:HttpResponse(600, typeof(Product))|}]
                [{|#2:HttpResponse(204, typeof(Product))|}]
                [{|#3:HttpResponse(304, ContentType = "text/plain")|}]
                [{|#4:HttpResponse(101, typeof(string), ContentType = "text/plain")|}]
                public static IHttpResult Delete(int id) => null!;
            }
        }
        """,
        Verify.Diagnostic("SLS3018").WithLocation(0).WithArguments("Api.Delete", "has the status 99, which is not an HTTP status code; use one from 100 to 599"),
        Verify.Diagnostic("SLS3018").WithLocation(1).WithArguments("Api.Delete", "has the status 600, which is not an HTTP status code; use one from 100 to 599"),
        Verify.Diagnostic("SLS3018").WithLocation(2).WithArguments("Api.Delete", "gives status 204 a body ('App.Product'), but a 204 response has no content; remove the type and ContentType"),
        Verify.Diagnostic("SLS3018").WithLocation(3).WithArguments("Api.Delete", "gives status 304 a body (text/plain), but a 304 response has no content; remove the type and ContentType"),
        Verify.Diagnostic("SLS3018").WithLocation(4).WithArguments("Api.Delete", "gives status 101 a body ('string'), but a 101 response has no content; remove the type and ContentType"));

    [Fact]
    public Task SLS3019_TheSameStatusAndMediaTypeTwice() => Verify.VerifyAsync(Usings + RuntimeTypes + """
        namespace App
        {
            public sealed record Product(string Name);
            public sealed record Other(string Name);

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}")]
                [HttpResponse(404)]
                [{|#0:HttpResponse(404, Description = "Gone")|}]
                [HttpResponse(409, typeof(Product))]
                [{|#1:HttpResponse(409, typeof(Other), ContentType = "Application/JSON")|}]
                [HttpResponse(409, typeof(string), ContentType = "text/plain")]
                public static Product? Get(int id) => null;
            }
        }
        """,
        Verify.Diagnostic("SLS3019").WithLocation(0).WithArguments("404", "without a body", "Api.Get"),
        Verify.Diagnostic("SLS3019").WithLocation(1).WithArguments("409", "Application/JSON", "Api.Get"));

    [Fact]
    public Task SLS1014_DeclaredJsonBodiesGoThroughTheContext() => VerifyJson.VerifyAsync(new[]
    {
        Usings + RuntimeTypes + """
        namespace App
        {
            public sealed record Product(string Name);
            public sealed record Taken(string Sku);

            [JsonSerializable(typeof(Product))]
            public partial class AppJson : JsonSerializerContext;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/products")]
                [HttpResponse(201, typeof(Product))]
                [{|#0:HttpResponse(409, typeof(Taken))|}]
                [{|#1:HttpResponse(422, typeof(Taken), ContentType = "application/vnd.error+json")|}]
                [HttpResponse(400, typeof(HttpProblemDetails))]
                [HttpResponse(200, typeof(Taken), ContentType = "application/xml")]
                [HttpResponse(200, typeof(string), ContentType = "text/plain")]
                [HttpResponse(204, typeof(Taken))]
                public static IHttpResult Create([FromBody] Product product) => null!;
            }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson", "App"),
    },
        VerifyJson.Diagnostic("SLS1014").WithLocation(0).WithArguments("App.AppJson", "App.Taken", "App.Api.Create"),
        VerifyJson.Diagnostic("SLS1014").WithLocation(1).WithArguments("App.AppJson", "App.Taken", "App.Api.Create"));

    [Fact]
    public Task SLS1014_OnAClassFunctionsEndpoint() => VerifyJson.VerifyAsync(new[]
    {
        Usings + RuntimeTypes + """
        namespace App
        {
            public sealed record Product(string Name);
            public sealed record Taken(string Sku);

            [JsonSerializable(typeof(Product))]
            public partial class AppJson : JsonSerializerContext;

            [LambdaFunction]
            public class Catalog
            {
                [HttpApi(HttpVerb.Get, "/products")]
                [HttpResponse(200, typeof(Product))]
                public IHttpResult List() => null!;

                [HttpApi(HttpVerb.Post, "/products")]
                [{|#0:HttpResponse(409, typeof(Taken))|}]
                public IHttpResult Create([FromBody] Product product) => null!;
            }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson", "App"),
    },
        VerifyJson.Diagnostic("SLS1014").WithLocation(0).WithArguments("App.AppJson", "App.Taken", "App.Catalog.Create"));

    [Fact]
    public async Task SLS1014_FixAllAddsEachDeclaredTypeOnce()
    {
        const string Before = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public sealed record Product(string Name);
            public sealed record Taken(string Sku);

            [JsonSerializable(typeof(Product))]
            public partial class AppJson : JsonSerializerContext;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/products")]
                [{|SLS1014:HttpResponse(409, typeof(Taken))|}]
                public static Product Create([FromBody] Product product) => product;

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/products/{id}")]
                [{|SLS1014:HttpResponse(409, typeof(Taken))|}]
                [{|SLS1014:HttpResponse(412, typeof(Taken[]))|}]
                public static Product Update(int id, [FromBody] Product product) => product;
            }
            """;
        var after = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public sealed record Product(string Name);
            public sealed record Taken(string Sku);

            [JsonSerializable(typeof(Product))]
            [JsonSerializable(typeof(Taken))]
            [JsonSerializable(typeof(Taken[]))]
            public partial class AppJson : JsonSerializerContext;

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/products")]
                [HttpResponse(409, typeof(Taken))]
                public static Product Create([FromBody] Product product) => product;

                [LambdaFunction]
                [HttpApi(HttpVerb.Put, "/products/{id}")]
                [HttpResponse(409, typeof(Taken))]
                [HttpResponse(412, typeof(Taken[]))]
                public static Product Update(int id, [FromBody] Product product) => product;
            }
            """;
        var test = new FixTest().WithSources(new[] { Before }, new[] { after }, ("AppJson", "App"));
        test.CodeActionEquivalenceKey = "SLS1014.AddJsonSerializable";
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
