// Auth, CORS and API settings (SLS3010-SLS3016). The routes of this project without [Authorize] or [AllowAnonymous]
// also get SLS3009 warnings, since the app now declares authorizers.
[assembly: JwtAuthorizer("gateJwt", Issuer = "https://login.example.com/", Audience = new[] { "gate" })]

// SLS3015: a JWT authorizer needs the issuer of its tokens.
[assembly: JwtAuthorizer("gateNoIssuer", Audience = new[] { "gate" })]

// SLS3016: no [LambdaFunction] of the app is called NoSuchFunction.
[assembly: LambdaAuthorizer("gateLambda", Function = "NoSuchFunction")]

// SLS3010: any origin together with credentials.
[assembly: Cors(AllowOrigins = new[] { "*" }, AllowCredentials = true)]

// SLS3014: API Gateway has no 3 GB cache.
[assembly: RestApiOptions(CacheClusterSize = "3")]

namespace BuildGate;

public static class AuthViolations
{
    // SLS3011: no authorizer is called gateMissing.
    [LambdaFunction]
    [Authorize("gateMissing")]
    [HttpApi(HttpVerb.Get, "/gate/auth/unknown")]
    public static void Unknown() { }

    // SLS3012: REST APIs have no JWT authorizers.
    [LambdaFunction]
    [Authorize("gateJwt")]
    [RestApi(HttpVerb.Get, "/gate/auth/jwt")]
    public static void JwtOnRest() { }

    // SLS3013: a Lambda authorizer checks no OAuth scopes.
    [LambdaFunction]
    [Authorize("gateLambda", Scopes = new[] { "gate/read" })]
    [HttpApi(HttpVerb.Get, "/gate/auth/scopes")]
    public static void Scopes() { }
}
