using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// SLS3001-SLS3008, SLS3017-SLS3019: <c>[HttpApi]</c>/<c>[RestApi]</c> functions the model cannot generate, or generates with
/// a route that cannot work, a check that is not made or a response the document cannot describe. Found by
/// <see cref="HttpReader"/> (per function; SLS3017 by its <see cref="HttpRangeReader"/>, SLS3018/SLS3019 by its
/// <see cref="HttpResponseReader"/>), <see cref="AppModel.Validate"/> (SLS3007, across functions) and
/// <see cref="FunctionLimits"/> (SLS3008, the timeout against <see cref="AwsLimits"/>), reported by
/// <see cref="HttpRouteAnalyzer"/>.
/// </summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor InvalidRoute = Rule(
        RuleIdentifiers.InvalidRoute,
        "HTTP route template is not valid",
        "Route '{0}' of '{1}' is not valid: {2}",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RouteParameterNotBound = Rule(
        RuleIdentifiers.RouteParameterNotBound,
        "Route parameter has no method parameter",
        "Route '{0}' has the parameter '{{{1}}}', but '{2}' has no parameter bound to it; add a parameter named '{1}', or mark one [FromRoute(\"{1}\")]",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RouteValueNotInRoute = Rule(
        RuleIdentifiers.RouteValueNotInRoute,
        "Parameter bound from the route is not in the route",
        "Parameter '{0}' of '{1}' is bound from the route value '{2}', but route '{3}' has no '{{{2}}}'",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MoreThanOneBody = Rule(
        RuleIdentifiers.MoreThanOneBody,
        "An HTTP function takes at most one body parameter",
        "'{0}' reads the request body into both '{1}' and '{2}'; wrap them in one type, or bind simple values with [FromQuery], [FromRoute] or [FromHeader]",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyWithoutRequestContent = Rule(
        RuleIdentifiers.BodyWithoutRequestContent,
        "GET, HEAD and DELETE requests should not have a body",
        "Parameter '{0}' of '{1}' is read from the request body, but route {2} '{3}' has no defined body semantics; clients, proxies and API Gateway may drop it",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnbindableHttpParameter = Rule(
        RuleIdentifiers.UnbindableHttpParameter,
        "HTTP parameter type cannot be bound from the request",
        "Parameter '{0}' of '{1}' cannot be bound from {2}: '{3}' {4}",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateRoute = Rule(
        RuleIdentifiers.DuplicateRoute,
        "An HTTP method and path must be handled by one function",
        "{0} '{1}' on the {2} is also handled by '{3}'; API Gateway sends a method and path to one integration",
        RuleCategories.Http, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor TimeoutAboveIntegrationTimeout = Rule(
        RuleIdentifiers.TimeoutAboveIntegrationTimeout,
        "HTTP function timeout exceeds the API Gateway integration timeout",
        "HTTP function '{0}' has a timeout of {1} s{2}, but {3} integrations time out after {4} s: callers get a 504 while the function keeps running; set Timeout to at most {4} s, and move longer jobs to asynchronous work (an SQS queue or a Step Functions state machine)",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UncheckableRange = Rule(
        RuleIdentifiers.UncheckableRange,
        "[Range] on an HTTP value is not checked, or no value can meet it",
        "[Range] on {0} {1}",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidHttpResponse = Rule(
        RuleIdentifiers.InvalidHttpResponse,
        "[HttpResponse] declares a response HTTP does not have",
        "[HttpResponse] on '{0}' {1}",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateHttpResponse = Rule(
        RuleIdentifiers.DuplicateHttpResponse,
        "[HttpResponse] declares a response twice",
        "Response {0} ({1}) of '{2}' is already declared; the first declaration is documented, remove this one",
        RuleCategories.Http, DiagnosticSeverity.Warning);
}
