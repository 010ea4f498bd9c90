using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.ApiAuthAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class ApiAuthAnalyzerTests
{
    private const string Jwt = """[assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]""";

    [Fact]
    public Task CoveredRoutesAndWellFormedSettingsAreNotReported() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
        [assembly: CognitoAuthorizer("pool", UserPoolArn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123", Audience = new[] { "client" })]
        [assembly: LambdaAuthorizer("custom", Function = "AuthCheckHandle", ResultTtlInSeconds = 0)]
        [assembly: Cors(AllowOrigins = new[] { "https://app.example.com" }, AllowCredentials = true, MaxAge = 600)]
        [assembly: HttpApiOptions(StageName = "$default", ThrottlingRateLimit = 10.5, ThrottlingBurstLimit = 20)]
        [assembly: RestApiOptions(StageName = "live", EndpointType = RestApiEndpointType.Private, VpcEndpointIds = new[] { "vpce-1" },
            ApiKeyRequired = true, UsagePlanQuotaLimit = 100, UsagePlanQuotaPeriod = UsagePlanPeriod.Week, CacheClusterSize = "1.6", CacheTtlInSeconds = 60)]

        [Authorize("jwt", Scopes = new[] { "orders/read" })]
        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders")] public static void List() { }
            [LambdaFunction] [AllowAnonymous] [HttpApi(HttpVerb.Get, "/health")] public static void Health() { }
            [LambdaFunction] [Authorize(AuthorizerNames.Iam)] [HttpApi(HttpVerb.Delete, "/orders")] [RestApi(HttpVerb.Delete, "/orders")] public static void Delete() { }
            [LambdaFunction] [Authorize("pool", Scopes = new[] { "a" })] [RestApi(HttpVerb.Post, "/orders")] [HttpApi(HttpVerb.Post, "/orders")] public static void Add() { }
            [LambdaFunction] [Authorize("custom")] [RestApi(HttpVerb.Get, "/catalog")] public static void Catalog() { }

            public static class Nested
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/nested")] public static void Get() { }
            }
        }

        [AllowAnonymous]
        public static class AuthCheck
        {
            [LambdaFunction] public static string Handle(string request) => request;
        }
        """);

    [Fact]
    public Task SLS3009_RoutesWithoutAuthInAnAppWithAuthorizersAreReportedAtTheRouteAttribute() => Verify.VerifyAsync("using Serverless;\n" + Jwt + """


        public static class Orders
        {
            [LambdaFunction] [{|SLS3009:HttpApi(HttpVerb.Get, "/orders")|}] [{|SLS3009:RestApi(HttpVerb.Get, "/v1/orders")|}] public static void List() { }
            [LambdaFunction] [AllowAnonymous] [HttpApi(HttpVerb.Get, "/health")] public static void Health() { }
            [LambdaFunction] public static void NotHttp() { }
        }

        public partial class Outer
        {
            public static class Nested
            {
                [LambdaFunction] [{|SLS3009:HttpApi(HttpVerb.Get, "/n")|}] public static void Get() { }
            }
        }

        [Authorize("jwt")]
        public partial class Covered
        {
            public class Inner
            {
                [LambdaFunction] [HttpApi(HttpVerb.Get, "/inner")] public static void Get() { }
            }
        }
        """);

    [Fact]
    public Task ClassFunctionEndpointsAreCheckedRouteByRouteAndTheFunctionNameCountsForLambdaAuthorizers() => Verify.VerifyAsync(
        "using Serverless;\n" + Jwt + """

        [assembly: LambdaAuthorizer("custom", Function = "Gatekeeper")]

        [LambdaFunction]
        public sealed class InventoryApi
        {
            [{|SLS3009:HttpApi(HttpVerb.Get, "/items")|}] public string[] List() => new string[0];
            [AllowAnonymous] [HttpApi(HttpVerb.Get, "/health")] public string Health() => "ok";
            [Authorize("jwt")] [HttpApi(HttpVerb.Get, "/items/{sku}")] [{|SLS3012:RestApi(HttpVerb.Get, "/v1/items/{sku}")|}] public string Get(string sku) => sku;
        }

        [LambdaFunction]
        public sealed partial class OrdersApi
        {
            [Authorize("custom")] [HttpApi(HttpVerb.Get, "/orders")] public string[] List() => new string[0];
        }

        public sealed partial class OrdersApi
        {
            [{|SLS3009:HttpApi(HttpVerb.Delete, "/orders")|}] public void Clear() { }
        }

        [LambdaFunction(Name = "Gatekeeper")]
        [AllowAnonymous]
        public sealed class Gate
        {
            [HttpApi(HttpVerb.Post, "/gate")] public string Check() => "ok";
        }
        """);

    [Fact]
    public Task SLS3009_MessageNamesTheAuthorizers() => Verify.VerifyAsync(
        "using Serverless;\n" + Jwt + """

        [assembly: LambdaAuthorizer("custom", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:auth")]

        public static class Orders
        {
            [LambdaFunction] [{|#0:HttpApi(HttpVerb.Get, "/orders")|}] public static void List() { }
        }
        """,
        Verify.Diagnostic("SLS3009").WithLocation(0)
            .WithArguments("GET", "/orders", "Orders.List", "'jwt', 'custom'"));

    [Fact]
    public Task SLS3009_NotReportedWithoutAuthorizersOrWithAnAssemblyDefault() => Verify.VerifyAsync(new[]
    {
        """
        using Serverless;

        [assembly: Authorize(AuthorizerNames.Iam)]

        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders")] public static void List() { }
        }
        """,
    });

    [Fact]
    public Task SLS3009_UserTypesThatShareTheNamesDoNotCount() => Verify.VerifyAsync("using Serverless;\n" + Jwt + """


        namespace Mine
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class AuthorizeAttribute : System.Attribute { public AuthorizeAttribute(string name) { } }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class AllowAnonymousAttribute : System.Attribute { }

            public static class Orders
            {
                [LambdaFunction] [Mine.Authorize("jwt")] [{|SLS3009:HttpApi(HttpVerb.Get, "/a")|}] public static void A() { }
                [LambdaFunction] [Mine.AllowAnonymous] [{|SLS3009:HttpApi(HttpVerb.Get, "/b")|}] public static void B() { }
            }
        }
        """);

    [Fact]
    public Task SLS3010_AnyOriginWithCredentialsIsReportedAtAllowCredentials() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: Cors(AllowOrigins = new[] { "https://a.example.com", "*" }, AllowCredentials = {|SLS3010:true|})]

        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders")] public static void List() { }
        }
        """);

    [Fact]
    public Task SLS3010_NotReportedForListedOriginsOrWithoutCredentials() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: Cors(AllowOrigins = new[] { "*" }, AllowCredentials = false)]
        """);

    [Fact]
    public Task SLS3011_UnknownAuthorizersAreReportedOnTheName() => Verify.VerifyAsync("using Serverless;\n" + Jwt + """

        [assembly: Authorize({|SLS3011:"jtw"|})]

        [Authorize({|SLS3011:"admin"|})]
        public static class Orders
        {
            [LambdaFunction] [Authorize({|SLS3011:"nope"|}, Scopes = new[] { "x" })] [HttpApi(HttpVerb.Get, "/orders")] public static void List() { }
            [LambdaFunction] [Authorize("jwt")] [HttpApi(HttpVerb.Get, "/ok")] public static void Ok() { }
            [LambdaFunction] [Authorize(AuthorizerNames.Iam)] [HttpApi(HttpVerb.Get, "/iam")] public static void Iam() { }
        }
        """);

    [Fact]
    public Task SLS3012_JwtOnRestCognitoWithoutAudienceAndRestCorsLimitsAreReportedAtTheRoute() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: JwtAuthorizer("jwt", Issuer = "https://login.example.com/", Audience = new[] { "api" })]
        [assembly: CognitoAuthorizer("pool", UserPoolArn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123")]

        public static class Orders
        {
            [LambdaFunction] [Authorize("jwt")] [HttpApi(HttpVerb.Get, "/a")] [{|SLS3012:RestApi(HttpVerb.Get, "/a")|}] public static void A() { }
            [LambdaFunction] [Authorize("pool")] [{|SLS3012:HttpApi(HttpVerb.Get, "/b")|}] [RestApi(HttpVerb.Get, "/b")] public static void B() { }
        }
        """);

    [Fact]
    public Task SLS3012_RestApiCorsWithSeveralOrigins() => Verify.VerifyAsync(
        """
        using Serverless;

        [assembly: Cors(AllowOrigins = new[] { "https://a.example.com", "https://b.example.com" })]

        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] [{|#0:RestApi(HttpVerb.Get, "/a")|}] public static void A() { }
        }
        """,
        Verify.Diagnostic("SLS3012").WithLocation(0)
            .WithArguments("GET", "/a", "Orders.A", "REST API", "2 CORS origins; a REST API's CORS allows one origin (or '*')"));

    [Fact]
    public Task SLS3013_ScopesWithIamOrLambdaAreReportedOnScopes() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: LambdaAuthorizer("custom", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:auth")]
        [assembly: Authorize("custom", Scopes = {|SLS3013:new[] { "a" }|})]

        public static class Orders
        {
            [LambdaFunction] [Authorize(AuthorizerNames.Iam, Scopes = {|SLS3013:new[] { "b" }|})] [HttpApi(HttpVerb.Get, "/a")] public static void A() { }
            [LambdaFunction] [Authorize("custom", Scopes = new string[0])] [HttpApi(HttpVerb.Get, "/b")] public static void B() { }
        }
        """);

    [Fact]
    public Task SLS3014_InvalidApiSettingsAreReportedOnTheArgument() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: Cors(AllowOrigins = {|SLS3014:new[] { "app.example.com" }|}, MaxAge = {|SLS3014:-1|})]
        [assembly: HttpApiOptions(StageName = {|SLS3014:"my stage"|}, ThrottlingRateLimit = {|SLS3014:-1|}, ThrottlingBurstLimit = {|SLS3014:-5|})]
        [assembly: RestApiOptions(EndpointType = {|SLS3014:RestApiEndpointType.Private|}, UsagePlanQuotaLimit = {|SLS3014:0|},
            CacheClusterSize = {|SLS3014:"2"|}, CacheTtlInSeconds = {|SLS3014:7200|}, BinaryMediaTypes = {|SLS3014:new[] { "image/png", "png" }|})]
        """);

    [Fact]
    public Task SLS3014_SettingsThatNeedAnotherAreReported() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: RestApiOptions(VpcEndpointIds = {|SLS3014:new[] { "vpce-1" }|}, UsagePlanQuotaPeriod = {|SLS3014:UsagePlanPeriod.Day|}, CacheTtlInSeconds = {|SLS3014:60|})]
        """);

    [Fact]
    public Task SLS3015_MalformedAuthorizersAreReported() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: {|SLS3015:JwtAuthorizer("noIssuer", Audience = new[] { "api" })|}]
        [assembly: JwtAuthorizer("http", Issuer = {|SLS3015:"http://login.example.com"|}, Audience = new[] { "api" })]
        [assembly: JwtAuthorizer("noAudience", Issuer = "https://login.example.com/", Audience = {|SLS3015:new string[0]|})]
        [assembly: {|SLS3015:CognitoAuthorizer("noPool")|}]
        [assembly: CognitoAuthorizer("badPool", UserPoolArn = {|SLS3015:"pool"|})]
        [assembly: {|SLS3015:LambdaAuthorizer("both", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:a", Function = "A")|}]
        [assembly: {|SLS3015:LambdaAuthorizer("neither")|}]
        [assembly: LambdaAuthorizer("ttl", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:a", ResultTtlInSeconds = {|SLS3015:4000|})]
        [assembly: {|SLS3015:LambdaAuthorizer("AWS_IAM", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:a")|}]
        [assembly: {|SLS3015:LambdaAuthorizer("ttl", FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:b")|}]

        public static class Orders
        {
            [LambdaFunction] [Authorize("noIssuer")] [HttpApi(HttpVerb.Get, "/a")] public static void A() { }
        }
        """);

    [Fact]
    public Task SLS3016_AuthorizerFunctionMustBeAFunctionOfTheApp() => Verify.VerifyAsync(
        """
        using Serverless;

        [assembly: LambdaAuthorizer("a", Function = {|#0:"authCheck"|})]
        [assembly: LambdaAuthorizer("b", Function = "AuthCheck")]

        [AllowAnonymous]
        public static class Auth
        {
            [LambdaFunction(Name = "AuthCheck")] public static string Handle(string request) => request;
        }
        """,
        Verify.Diagnostic("SLS3016").WithLocation(0).WithArguments("a", "authCheck", " (did you mean 'AuthCheck'?)"));

    [Fact]
    public Task HalfTypedAuthAttributesAreSkipped() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: JwtAuthorizer({|CS0103:Missing|}, Issuer = "https://x/", Audience = new[] { "a" })]
        [assembly: Cors(AllowOrigins = {|CS0103:Origins|})]

        public static class Orders
        {
            [LambdaFunction] [{|CS7036:Authorize|}] [HttpApi(HttpVerb.Get, "/a")] public static void A() { }
            [LambdaFunction] [Authorize({|CS0103:Name|})] [HttpApi(HttpVerb.Get, "/b")] public static void B() { }
        }
        """);
}
