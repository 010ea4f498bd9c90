using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.ApiAuthAnalyzer>;

namespace Serverless.Analyzers.Tests;

/// <summary>SLS3024: binary responses of REST routes against the app's RestApiOptions.BinaryMediaTypes.</summary>
public class BinaryResponseAnalyzerTests
{
    [Fact]
    public Task SLS3024_BinaryResponseOfARestRouteWithoutBinaryMediaTypesIsReportedAtTheAttribute() => Verify.VerifyAsync("""
        using Serverless;

        public static class Images
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/images/{id}")]
            [{|#0:HttpResponse(200, ContentType = "image/png")|}]
            [HttpResponse(404)]
            public static byte[] Get(string id) => new byte[0];
        }
        """,
        Verify.Diagnostic("SLS3024").WithLocation(0).WithArguments("Images.Get", "image/png", "GET", "/images/{id}", "lists none"));

    [Fact]
    public Task SLS3024_MessageNamesTheListedTypesAndIgnoresParameters() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(BinaryMediaTypes = new[] { "image/png", "image/*" })]

        public static class Reports
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Post, "/reports")]
            [{|#0:HttpResponse(200, ContentType = "application/pdf; version=1.7")|}]
            public static byte[] Create() => new byte[0];
        }
        """,
        Verify.Diagnostic("SLS3024").WithLocation(0).WithArguments("Reports.Create", "application/pdf", "POST", "/reports", "lists 'image/png', 'image/*'"));

    [Fact]
    public Task SLS3024_ListedTypesExactOrWildcardAreNotReported() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(BinaryMediaTypes = new[] { "Application/PDF", "image/*" })]

        public static class Files
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/files/{id}")]
            [HttpResponse(200, ContentType = "application/pdf")]
            [HttpResponse(200, ContentType = "IMAGE/JPEG")]
            [{|SLS3024:HttpResponse(200, ContentType = "audio/mpeg")|}]
            [{|SLS3024:HttpResponse(200, typeof(byte[]), ContentType = "application/octet-stream")|}]
            public static byte[] Get(string id) => new byte[0];
        }
        """);

    [Fact]
    public Task SLS3024_AnyTypeWildcardCoversEveryResponse() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(BinaryMediaTypes = new[] { "*/*" })]

        public static class Files
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/files/{id}")]
            [HttpResponse(200, ContentType = "application/zip")]
            [HttpResponse(200, typeof(byte[]), ContentType = "application/octet-stream")]
            public static byte[] Get(string id) => new byte[0];
        }
        """);

    [Fact]
    public Task SLS3024_TextResponsesAndHttpApiRoutesAreNotReported() => Verify.VerifyAsync("""
        using Serverless;

        public record Item(string Name);

        public static class Catalog
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/catalog")]
            [HttpResponse(200, typeof(Item))]
            [HttpResponse(200, ContentType = "text/csv")]
            [HttpResponse(200, ContentType = "application/xml")]
            [HttpResponse(200, ContentType = "application/atom+xml; charset=utf-8")]
            [HttpResponse(200, ContentType = "application/vnd.api+json")]
            [HttpResponse(200, ContentType = "application/javascript")]
            [HttpResponse(400, ContentType = "application/x-www-form-urlencoded")]
            [HttpResponse(204)]
            public static string List() => "";

            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/logo")]
            [HttpResponse(200, ContentType = "image/png")]
            public static byte[] Logo() => new byte[0];

            [LambdaFunction]
            [HttpResponse(200, ContentType = "image/png")]
            public static string NotHttp(string input) => input;
        }
        """);

    [Fact]
    public Task SLS3024_OneDiagnosticPerResponseOfARouteOnBothApis() => Verify.VerifyAsync("""
        using Serverless;

        public static class Images
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/images/{id}")]
            [RestApi(HttpVerb.Get, "/v1/images/{id}")]
            [RestApi(HttpVerb.Get, "/v2/images/{id}")]
            [{|#0:HttpResponse(200, ContentType = "image/webp")|}]
            public static byte[] Get(string id) => new byte[0];
        }
        """,
        Verify.Diagnostic("SLS3024").WithLocation(0).WithArguments("Images.Get", "image/webp", "GET", "/v1/images/{id}", "lists none"));

    [Fact]
    public Task SLS3024_ClassFunctionEndpointsAreCheckedEachAtItsAttribute() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(StageName = "live", BinaryMediaTypes = new[] { "image/png" })]

        [LambdaFunction]
        public sealed class MediaApi
        {
            [RestApi(HttpVerb.Get, "/png")]
            [HttpResponse(200, ContentType = "image/png")]
            public byte[] Png() => new byte[0];

            [RestApi(HttpVerb.Get, "/gif")]
            [{|#0:HttpResponse(200, ContentType = "image/gif")|}]
            public byte[] Gif() => new byte[0];

            [HttpApi(HttpVerb.Get, "/jpeg")]
            [HttpResponse(200, ContentType = "image/jpeg")]
            public byte[] Jpeg() => new byte[0];
        }
        """,
        Verify.Diagnostic("SLS3024").WithLocation(0).WithArguments("MediaApi.Gif", "image/gif", "GET", "/gif", "lists 'image/png'"));

    [Fact]
    public Task SLS3024_HalfTypedResponsesAndOptionsAreSkipped() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(BinaryMediaTypes = {|CS0103:Types|})]

        public static class Images
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/images")]
            [HttpResponse(200, ContentType = {|CS0103:Png|})]
            [{|SLS3024:HttpResponse(200, ContentType = "image/gif")|}]
            public static byte[] Get() => new byte[0];
        }
        """);
}
