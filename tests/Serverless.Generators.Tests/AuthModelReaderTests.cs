using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>Auth resolution (method > class > assembly, [AllowAnonymous] at its level) and the API settings' spec equality.</summary>
public sealed class AuthModelReaderTests
{
    private static (AppSpec App, Dictionary<string, HttpRouteSpec> Routes) Read(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { "using Serverless;\n" + source });
        var routes = new Dictionary<string, HttpRouteSpec>(StringComparer.Ordinal);
        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>())
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "LambdaFunctionAttribute");
                if (attribute is not null && FunctionReader.Read(method, attribute, CancellationToken.None).Spec?.Http is { } http)
                {
                    routes[method.Name] = http.Routes[0];
                }
            }
        }

        return (AppReader.Read(compilation, CancellationToken.None).Spec, routes);
    }

    private static string? Effective(AppSpec app, HttpRouteSpec route) =>
        RouteAuthDeclaration.Resolve(route.Auth, app.Api) is { } requirement
            ? requirement.Authorizer + (requirement.Scopes.IsEmpty ? "" : ":" + string.Join(",", requirement.Scopes))
            : null;

    [Fact]
    public void NarrowestDeclarationWinsAndAllowAnonymousWinsAtItsLevel()
    {
        var (app, routes) = Read("""
            [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
            [assembly: Authorize("jwt", Scopes = new[] { "read" })]

            namespace App
            {
                public static class Default
                {
                    [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] public static void Inherits() { }
                    [LambdaFunction] [AllowAnonymous] [HttpApi(HttpVerb.Get, "/b")] public static void Anonymous() { }
                    [LambdaFunction] [AllowAnonymous] [Authorize("jwt")] [HttpApi(HttpVerb.Get, "/c")] public static void Both() { }
                }

                [AllowAnonymous]
                public static class Public
                {
                    [LambdaFunction] [HttpApi(HttpVerb.Get, "/d")] public static void FromClass() { }
                    [LambdaFunction] [Authorize(AuthorizerNames.Iam)] [HttpApi(HttpVerb.Get, "/e")] public static void MethodWins() { }

                    public static class Nested
                    {
                        [LambdaFunction] [HttpApi(HttpVerb.Get, "/f")] public static void InnermostClassThatSaysAnything() { }
                    }
                }

                [Authorize("jwt", Scopes = new[] { "write" })]
                public static class Writers
                {
                    [LambdaFunction] [HttpApi(HttpVerb.Post, "/g")] public static void ClassScopes() { }
                }
            }
            """);

        Assert.Equal("jwt:read", Effective(app, routes["Inherits"]));
        Assert.Null(routes["Inherits"].Auth);
        Assert.Null(Effective(app, routes["Anonymous"]));
        Assert.Null(Effective(app, routes["Both"]));
        Assert.Null(Effective(app, routes["FromClass"]));
        Assert.Equal("AWS_IAM", Effective(app, routes["MethodWins"]));
        Assert.Null(Effective(app, routes["InnermostClassThatSaysAnything"]));
        Assert.Equal("jwt:write", Effective(app, routes["ClassScopes"]));
    }

    [Fact]
    public void RouteWithoutAuthOffersOnlyTheAuthorizersItsApiCanUse()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { """
            using Serverless;

            [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
            [assembly: CognitoAuthorizer("pool", UserPoolArn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123")]
            [assembly: LambdaAuthorizer("custom", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:auth")]

            namespace App
            {
                public static class Orders
                {
                    [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] [RestApi(HttpVerb.Get, "/a")] public static void Get() { }
                }
            }
            """ });
        var method = compilation.GetTypeByMetadataName("App.Orders")!.GetMembers("Get").OfType<IMethodSymbol>().Single();
        var function = FunctionReader.Read(method, method.GetAttributes()[0], CancellationToken.None);
        var api = AppReader.Read(compilation, CancellationToken.None).Api;

        var offered = AuthReader.ValidateRoutes(function, api)
            .Select(d => d.Properties.Single(p => p.Key == "Authorizers").Value.Replace("\n", ","))
            .ToList();

        // HTTP API: JWT and Lambda (the Cognito pool has no Audience); REST API: Cognito and Lambda.
        Assert.Equal(new[] { "jwt,custom", "pool,custom" }, offered);
    }

    [Fact]
    public void ApiSpecsAreValueEqualAndMalformedAuthorizersAreLeftOut()
    {
        const string Source = """
            [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
            [assembly: JwtAuthorizer("broken", Issuer = "login.example.com", Audience = new[] { "api" })]
            [assembly: Cors(AllowOrigins = new[] { "https://a.example.com" }, MaxAge = 60)]
            [assembly: HttpApiOptions(ThrottlingRateLimit = 1.5)]
            [assembly: RestApiOptions(UsagePlanQuotaLimit = 10, UsagePlanRateLimit = 2)]
            """;
        var first = Read(Source).App.Api!;
        var second = Read(Source).App.Api!;

        Assert.Equal(first, second);
        Assert.Equal(new[] { "jwt" }, first.Authorizers.Select(a => a.Name));
        Assert.Equal(1.5, first.HttpApi!.ThrottlingRateLimit);
        Assert.Equal("MONTH", first.RestApi!.QuotaPeriod);
        Assert.True(first.RestApi.HasUsagePlan);
        Assert.Null(Read("namespace App { }").App.Api);
    }
}
