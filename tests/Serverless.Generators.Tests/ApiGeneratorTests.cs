using System.Text.Json;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>Auth, CORS and API settings in the manifest (docs/design/contracts.md), incrementally.</summary>
public sealed class ApiGeneratorTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Serverless;

        [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "orders-api" })]
        [assembly: CognitoAuthorizer("pool", UserPoolArn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123", Audience = new[] { "client1" })]
        [assembly: LambdaAuthorizer("custom", Function = "AuthHandle", Header = "X-Token", ResultTtlInSeconds = 60)]
        [assembly: Authorize("jwt", Scopes = new[] { "orders/read" })]
        [assembly: Cors(AllowOrigins = new[] { "https://app.example.com" }, AllowMethods = new[] { "GET", "POST" }, AllowCredentials = true, MaxAge = 600)]
        [assembly: HttpApiOptions(StageName = "v1", ThrottlingRateLimit = 50.5, ThrottlingBurstLimit = 100)]
        [assembly: RestApiOptions(EndpointType = RestApiEndpointType.Regional, ApiKeyRequired = true, UsagePlanQuotaLimit = 1000,
            UsagePlanQuotaPeriod = UsagePlanPeriod.Day, CacheClusterSize = "0.5", CacheTtlInSeconds = 120, BinaryMediaTypes = new[] { "image/png", "*/*" })]

        namespace App
        {
            public static class Orders
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/orders/{id}")]
                public static string Get(string id) => id;

                [LambdaFunction]
                [AllowAnonymous]
                [HttpApi(HttpVerb.Get, "/health")]
                public static string Health() => "ok";

                [LambdaFunction]
                [Authorize(AuthorizerNames.Iam)]
                [HttpApi(HttpVerb.Delete, "/orders/{id}")]
                public static void Delete(string id) { }
            }

            [Authorize("pool", Scopes = new[] { "catalog/write" })]
            public static class Catalog
            {
                [LambdaFunction]
                [RestApi(HttpVerb.Post, "/catalog")]
                public static void Add() { }

                [LambdaFunction]
                [Authorize("custom")]
                [RestApi(HttpVerb.Get, "/catalog")]
                public static string List() => "[]";
            }

            [AllowAnonymous]
            public static class Auth
            {
                [LambdaFunction]
                public static string Handle(string request) => request;
            }
        }
        """;

    [Fact]
    public void ApiSettingsAndRouteAuthInManifest()
    {
        var result = GeneratorHarness.Run(Source);
        using var manifest = Manifest(result);
        var root = manifest.RootElement;
        var functions = root.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());

        // Method > class > assembly; [AllowAnonymous] gives a public route (no "auth").
        Assert.Equal("""[{"method":"GET","path":"/orders/{id}","api":"HttpApi","auth":{"authorizer":"jwt","scopes":["orders/read"]}}]""", Http(functions, "OrdersGet"));
        Assert.Equal("""[{"method":"GET","path":"/health","api":"HttpApi"}]""", Http(functions, "OrdersHealth"));
        Assert.Equal("""[{"method":"DELETE","path":"/orders/{id}","api":"HttpApi","auth":{"authorizer":"AWS_IAM"}}]""", Http(functions, "OrdersDelete"));
        Assert.Equal("""[{"method":"POST","path":"/catalog","api":"RestApi","auth":{"authorizer":"pool","scopes":["catalog/write"]}}]""", Http(functions, "CatalogAdd"));
        Assert.Equal("""[{"method":"GET","path":"/catalog","api":"RestApi","auth":{"authorizer":"custom"}}]""", Http(functions, "CatalogList"));

        Assert.Equal(
            """[{"name":"jwt","type":"jwt","issuer":"https://login.example.com/","audience":["orders-api"],"identitySource":"$request.header.Authorization"},{"name":"pool","type":"cognito","audience":["client1"],"identitySource":"Authorization","userPoolArn":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123"},{"name":"custom","type":"lambda","identitySource":"X-Token","function":"AuthHandle","resultTtlInSeconds":60,"simpleResponses":true}]""",
            root.GetProperty("authorizers").GetRawText());
        Assert.Equal("""{"allowOrigins":["https://app.example.com"],"allowMethods":["GET","POST"],"allowCredentials":true,"maxAge":600}""", root.GetProperty("cors").GetRawText());
        Assert.Equal("""{"stageName":"v1","throttlingRateLimit":50.5,"throttlingBurstLimit":100}""", root.GetProperty("httpApi").GetRawText());
        Assert.Equal("""{"endpointType":"REGIONAL","binaryMediaTypes":["image/png","*/*"],"apiKeyRequired":true,"usagePlan":{"quotaLimit":1000,"quotaPeriod":"DAY"},"cacheClusterSize":"0.5","cacheTtlInSeconds":120}""",
            root.GetProperty("restApi").GetRawText());
    }

    [Fact]
    public void AppWithoutApiSettingsHasNoApiParts()
    {
        var result = GeneratorHarness.Run("""
            using Serverless;

            namespace App
            {
                public static class Orders
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/orders")]
                    public static string List() => "[]";
                }
            }
            """);
        using var manifest = Manifest(result);

        // No httpApi/restApi/cors/authorizers: only the OpenAPI schemas besides the functions.
        Assert.Equal(new[] { "version", "app", "functions", "schemas" }, manifest.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""[{"method":"GET","path":"/orders","api":"HttpApi"}]""",
            GeneratedManifest.Routes(manifest.RootElement.GetProperty("functions")[0]));
    }

    private static string Http(Dictionary<string, JsonElement> functions, string name) => GeneratedManifest.Routes(functions[name]);

    private static JsonDocument Manifest(GeneratorTestResult result) => GeneratedManifest.Read(result);
}
