using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// SLS3009-SLS3016, SLS3024: auth, CORS and API settings (<c>[Authorize]</c>, <c>[AllowAnonymous]</c>, the authorizer attributes,
/// <c>[assembly: Cors]</c>, <c>HttpApiOptions</c>/<c>RestApiOptions</c>). Found by <see cref="ApiReader"/> (the assembly's
/// attributes), <see cref="AuthReader"/> (routes and <c>[Authorize]</c>) and <see cref="BinaryResponseRules"/> (binary
/// responses of REST routes), reported by <see cref="ApiAuthAnalyzer"/>.
/// </summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor RouteWithoutAuth = Rule(
        RuleIdentifiers.RouteWithoutAuth,
        "Route has no authorizer although the app requires auth",
        "Route {0} '{1}' of '{2}' is public, but the app declares authorizers ({3}); add [Authorize(\"<name>\")], or [AllowAnonymous] if it is meant to be public",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CorsAnyOriginWithCredentials = Rule(
        RuleIdentifiers.CorsAnyOriginWithCredentials,
        "CORS cannot allow any origin together with credentials",
        "[assembly: Cors] allows any origin ('*') with AllowCredentials = true; browsers refuse credentialed responses for '*' and API Gateway rejects the configuration; list the allowed origins, or drop AllowCredentials",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownAuthorizer = Rule(
        RuleIdentifiers.UnknownAuthorizer,
        "[Authorize] names an authorizer the app does not declare",
        "[Authorize] names the authorizer '{0}', which the app does not declare ({1}); declare it with [assembly: JwtAuthorizer], [assembly: CognitoAuthorizer] or [assembly: LambdaAuthorizer], or use AuthorizerNames.Iam",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AuthNotSupportedByApi = Rule(
        RuleIdentifiers.AuthNotSupportedByApi,
        "The route's API cannot use this auth or CORS setting",
        "Route {0} '{1}' of '{2}' is on the {3}, which cannot use {4}",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ScopesWithoutScopeSupport = Rule(
        RuleIdentifiers.ScopesWithoutScopeSupport,
        "Only JWT and Cognito authorizers check OAuth scopes",
        "[Authorize(\"{0}\")] lists Scopes, but {1} checks no OAuth scopes; remove Scopes, or use a JWT or Cognito authorizer",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidApiSetting = Rule(
        RuleIdentifiers.InvalidApiSetting,
        "API setting is not valid",
        "{0}.{1} is not valid: {2}",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidAuthorizer = Rule(
        RuleIdentifiers.InvalidAuthorizer,
        "Authorizer declaration is not valid",
        "Authorizer '{0}' cannot be used: {1}",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AuthorizerFunctionNotFound = Rule(
        RuleIdentifiers.AuthorizerFunctionNotFound,
        "Lambda authorizer function is not a function of this app",
        "Lambda authorizer '{0}' uses the function '{1}', but the app has no [LambdaFunction] of that name{2}; name one of the app's functions, or give FunctionArn for a function elsewhere",
        RuleCategories.Http, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor BinaryResponseNotBinary = Rule(
        RuleIdentifiers.BinaryResponseNotBinary,
        "REST API route declares a binary response its API does not pass as binary",
        "'{0}' declares a binary response ('{1}') on the REST API route {2} '{3}', but RestApiOptions.BinaryMediaTypes {4}, so API Gateway sends the body to clients as base64 text; add \"{1}\" (or a wildcard that matches it) to [assembly: RestApiOptions(BinaryMediaTypes = ...)]",
        RuleCategories.Http, DiagnosticSeverity.Warning);
}
