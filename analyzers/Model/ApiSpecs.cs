using System.Collections.Immutable;
using System.Linq;

namespace Serverless.Analyzers.Model;

/// <summary>The kind of an authorizer the app declares.</summary>
public enum AuthorizerKind
{
    /// <summary><c>[assembly: JwtAuthorizer]</c> (HTTP APIs).</summary>
    Jwt,
    /// <summary><c>[assembly: CognitoAuthorizer]</c> (REST: a Cognito authorizer; HTTP: a JWT authorizer of the pool).</summary>
    Cognito,
    /// <summary><c>[assembly: LambdaAuthorizer]</c>.</summary>
    Lambda,
}

/// <summary>One authorizer the app declares (only well-formed ones reach the spec; see SLS3015).</summary>
/// <param name="Name">The name <c>[Authorize]</c> uses.</param>
/// <param name="Kind">JWT, Cognito or Lambda.</param>
/// <param name="Issuer">JWT: the issuer URL.</param>
/// <param name="Audience">JWT: the audiences; Cognito: the app client IDs (the JWT audience on HTTP APIs).</param>
/// <param name="IdentitySource">JWT: the identity source expression; Cognito and Lambda: the header name.</param>
/// <param name="UserPoolArn">Cognito: the pool's ARN.</param>
/// <param name="FunctionArn">Lambda: the function's ARN, for a function elsewhere.</param>
/// <param name="Function">Lambda: a function of this app.</param>
/// <param name="ResultTtlInSeconds">Lambda: how long API Gateway caches the answer; null = API Gateway's default.</param>
/// <param name="SimpleResponses">Lambda on HTTP APIs: answers <c>{"isAuthorized": bool}</c>.</param>
public sealed record AuthorizerSpec(
    string Name,
    AuthorizerKind Kind,
    string? Issuer,
    EquatableArray<string> Audience,
    string? IdentitySource,
    string? UserPoolArn,
    string? FunctionArn,
    string? Function,
    int? ResultTtlInSeconds,
    bool SimpleResponses)
{
    /// <summary>The manifest's <c>type</c>: <c>jwt</c>, <c>cognito</c> or <c>lambda</c>.</summary>
    public string TypeName => Kind switch
    {
        AuthorizerKind.Jwt => "jwt",
        AuthorizerKind.Cognito => "cognito",
        _ => "lambda",
    };

    /// <summary>Whether the authorizer checks OAuth scopes (JWT and Cognito; not Lambda).</summary>
    public bool SupportsScopes => Kind != AuthorizerKind.Lambda;

    /// <summary>Whether an API of this kind can use the authorizer (JWT is HTTP-only; Cognito and Lambda work on both).</summary>
    public bool SupportedBy(HttpApiKind api) => Kind != AuthorizerKind.Jwt || api == HttpApiKind.HttpApi;
}

/// <summary><c>[Authorize("name", Scopes = ...)]</c>: the authorizer a route requires and the scopes its token needs.</summary>
public sealed record AuthRequirement(string Authorizer, EquatableArray<string> Scopes)
{
    /// <summary>Whether this is IAM authorization (<c>AWS_IAM</c>).</summary>
    public bool IsIam => Authorizer == ApiKnownNames.IamAuthorizer;
}

/// <summary>
/// What a method or its classes declare about auth (the narrowest level that declares anything):
/// <c>[AllowAnonymous]</c> or <c>[Authorize]</c>. Null on a route when nothing is declared, so the app's default applies.
/// </summary>
/// <param name="Anonymous">Explicitly public.</param>
/// <param name="Authorize">The requirement, when not anonymous.</param>
public sealed record RouteAuthDeclaration(bool Anonymous, AuthRequirement? Authorize)
{
    public static readonly RouteAuthDeclaration AllowAnonymous = new(true, null);

    /// <summary>Method/class &gt; assembly; <c>[AllowAnonymous]</c> means none. Null = a public route.</summary>
    public static AuthRequirement? Resolve(RouteAuthDeclaration? declared, ApiSpec? api) =>
        declared is null ? api?.DefaultAuth : declared.Anonymous ? null : declared.Authorize;
}

/// <summary><c>[assembly: Cors]</c>. Lists are as written; null/empty means not set.</summary>
public sealed record CorsSpec(
    EquatableArray<string> AllowOrigins,
    EquatableArray<string> AllowMethods,
    EquatableArray<string> AllowHeaders,
    EquatableArray<string> ExposeHeaders,
    bool AllowCredentials,
    int? MaxAge)
{
    /// <summary>Whether any origin (<c>*</c>) is allowed.</summary>
    public bool AllowsAnyOrigin => AllowOrigins.Any(o => o == "*");
}

/// <summary><c>[assembly: HttpApiOptions]</c>; null means not set.</summary>
public sealed record HttpApiOptionsSpec(string? StageName, double? ThrottlingRateLimit, int? ThrottlingBurstLimit);

/// <summary><c>[assembly: RestApiOptions]</c>; null means not set.</summary>
/// <param name="EndpointType"><c>EDGE</c>, <c>REGIONAL</c>, <c>PRIVATE</c> or null.</param>
/// <param name="QuotaPeriod"><c>DAY</c>, <c>WEEK</c>, <c>MONTH</c> (set when a quota limit is).</param>
public sealed record RestApiOptionsSpec(
    string? StageName,
    string? EndpointType,
    EquatableArray<string> VpcEndpointIds,
    double? ThrottlingRateLimit,
    int? ThrottlingBurstLimit,
    bool ApiKeyRequired,
    int? QuotaLimit,
    string? QuotaPeriod,
    double? UsagePlanRateLimit,
    int? UsagePlanBurstLimit,
    string? CacheClusterSize,
    int? CacheTtlInSeconds)
{
    /// <summary>The media types the API passes as binary, as written (<c>image/png</c>).</summary>
    public EquatableArray<string> BinaryMediaTypes { get; init; }

    /// <summary>Whether a usage plan is created: API keys are required, or a quota or per-key throttle is set.</summary>
    public bool HasUsagePlan => ApiKeyRequired || QuotaLimit is not null || UsagePlanRateLimit is not null || UsagePlanBurstLimit is not null;
}

/// <summary>The app's API settings: authorizers, the default <c>[Authorize]</c>, CORS and the options of each API.</summary>
public sealed record ApiSpec(
    EquatableArray<AuthorizerSpec> Authorizers,
    AuthRequirement? DefaultAuth,
    CorsSpec? Cors,
    HttpApiOptionsSpec? HttpApi,
    RestApiOptionsSpec? RestApi)
{
    /// <summary>The declared authorizer of that name (IAM is not one).</summary>
    public AuthorizerSpec? Authorizer(string name) => Authorizers.FirstOrDefault(a => a.Name == name);

    /// <summary>Whether the app asks for auth: it declares an authorizer or an assembly-wide <c>[Authorize]</c>.</summary>
    public bool RequiresAuth => !Authorizers.IsEmpty || DefaultAuth is not null;

    /// <summary>Whether there is nothing to say (no attribute was written).</summary>
    public bool IsEmpty => Authorizers.IsEmpty && DefaultAuth is null && Cors is null && HttpApi is null && RestApi is null;
}

/// <summary>What <see cref="ApiReader.Read"/> found, with where things are written (for the analyzers).</summary>
/// <param name="Spec">The settings (null when no such attribute is written).</param>
/// <param name="Diagnostics">SLS3010, SLS3013-SLS3015 about the assembly's attributes.</param>
/// <param name="DeclaredNames">Every authorizer name written, also of malformed ones (so <c>[Authorize]</c> is not also flagged).</param>
public sealed record ApiReadResult(ApiSpec? Spec, ImmutableArray<ModelDiagnostic> Diagnostics, EquatableArray<string> DeclaredNames)
{
    /// <summary>Functions named by <c>LambdaAuthorizer.Function</c>, with the argument's location (SLS3016 checks them at compilation end).</summary>
    public EquatableArray<KeyedLocation> AuthorizerFunctions { get; init; }

    public static readonly ApiReadResult None = new(null, ImmutableArray<ModelDiagnostic>.Empty, default);
}
