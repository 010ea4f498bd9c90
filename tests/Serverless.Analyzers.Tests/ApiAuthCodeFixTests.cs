using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using RouteFixTest = ServerlessCodeFixTest<ApiAuthAnalyzer, RouteAuthCodeFixProvider>;
using CorsFixTest = ServerlessCodeFixTest<ApiAuthAnalyzer, CorsCredentialsCodeFixProvider>;

public class ApiAuthCodeFixTests
{
    private const string Header = """
        using Serverless;

        [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
        [assembly: LambdaAuthorizer("custom", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:auth")]

        """;

    private const string Before = Header + """
        public static class Orders
        {
            [LambdaFunction]
            [{|SLS3009:HttpApi(HttpVerb.Get, "/orders")|}]
            [{|SLS3009:RestApi(HttpVerb.Get, "/v1/orders")|}]
            public static void List() { }

            [LambdaFunction] [{|SLS3009:HttpApi(HttpVerb.Get, "/health")|}] public static void Health() { }
        }
        """;

    [Fact]
    public async Task SLS3009_AllowAnonymousGoesBeforeTheRoutesOnItsOwnLineOrInline()
    {
        var after = Header + """
            public static class Orders
            {
                [LambdaFunction]
                [AllowAnonymous]
                [HttpApi(HttpVerb.Get, "/orders")]
                [RestApi(HttpVerb.Get, "/v1/orders")]
                public static void List() { }

                [LambdaFunction] [AllowAnonymous] [HttpApi(HttpVerb.Get, "/health")] public static void Health() { }
            }
            """;
        await new RouteFixTest().WithSources(Before, after)
            .WithCodeAction("SLS3009.AllowAnonymous")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3009_AuthorizeIsOfferedPerDeclaredAuthorizer()
    {
        var after = Header + """
            public static class Orders
            {
                [LambdaFunction]
                [Authorize("custom")]
                [HttpApi(HttpVerb.Get, "/orders")]
                [RestApi(HttpVerb.Get, "/v1/orders")]
                public static void List() { }

                [LambdaFunction] [Authorize("custom")] [HttpApi(HttpVerb.Get, "/health")] public static void Health() { }
            }
            """;
        await new RouteFixTest().WithSources(Before, after)
            .WithCodeAction("SLS3009.Authorize.custom")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3009_WithoutUsingTheAttributeIsQualified()
    {
        var before = """
            [assembly: Serverless.JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]

            namespace App
            {
                public static class Orders
                {
                    [Serverless.LambdaFunction]
                    [{|SLS3009:Serverless.HttpApi(Serverless.HttpVerb.Get, "/orders")|}]
                    public static void List() { }
                }
            }
            """;
        var after = """
            [assembly: Serverless.JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]

            namespace App
            {
                public static class Orders
                {
                    [Serverless.LambdaFunction]
                    [Serverless.Authorize("jwt")]
                    [Serverless.HttpApi(Serverless.HttpVerb.Get, "/orders")]
                    public static void List() { }
                }
            }
            """;
        await new RouteFixTest().WithSources(before, after).WithCodeAction("SLS3009.Authorize.jwt").RunAsync();
    }

    [Fact]
    public async Task SLS3010_AllowCredentialsIsRemoved()
    {
        var before = """
            using Serverless;

            [assembly: Cors(AllowOrigins = new[] { "*" }, AllowCredentials = {|SLS3010:true|}, MaxAge = 600)]
            """;
        var after = """
            using Serverless;

            [assembly: Cors(AllowOrigins = new[] { "*" }, MaxAge = 600)]
            """;
        await new CorsFixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS3010_FixAllAcrossDocuments()
    {
        var before = """
            using Serverless;

            [assembly: Cors(AllowCredentials = {|SLS3010:true|}, AllowOrigins = new[] { "https://a.example.com", "*" })]
            """;
        var after = """
            using Serverless;

            [assembly: Cors(AllowOrigins = new[] { "https://a.example.com", "*" })]
            """;
        await new CorsFixTest().WithSources(before, after).WithCodeAction("SLS3010.RemoveAllowCredentials").RunAsync();
    }
}
