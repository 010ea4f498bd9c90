using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS3001-SLS3008, SLS3017-SLS3019: <c>[HttpApi]</c>/<c>[RestApi]</c> functions whose routes or parameters cannot be generated
/// or cannot work. SLS3001-SLS3006 and SLS3017 (a <c>[Range]</c> the wrapper does not check, or that no value meets, on a
/// parameter or a body property; once per compilation for a body shared by several functions) are reported per
/// method from the function reader (which asks the HTTP reader), as are SLS3018/SLS3019 (an <c>[HttpResponse]</c> with a
/// status HTTP does not have, a body on a status without content, or declared twice);
/// SLS3007 at compilation end, from the model's cross check over all functions; SLS3008 (a timeout above the API
/// Gateway integration timeout) per method from <see cref="Model.FunctionLimits"/>. SLS3020-SLS3023 (class functions) per
/// class or method from the function readers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpRouteAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.InvalidRoute,
        DiagnosticDescriptors.RouteParameterNotBound,
        DiagnosticDescriptors.RouteValueNotInRoute,
        DiagnosticDescriptors.MoreThanOneBody,
        DiagnosticDescriptors.BodyWithoutRequestContent,
        DiagnosticDescriptors.UnbindableHttpParameter,
        DiagnosticDescriptors.DuplicateRoute,
        DiagnosticDescriptors.TimeoutAboveIntegrationTimeout,
        DiagnosticDescriptors.UncheckableRange,
        DiagnosticDescriptors.InvalidHttpResponse,
        DiagnosticDescriptors.DuplicateHttpResponse,
        DiagnosticDescriptors.ClassFunctionWithoutRoutes,
        DiagnosticDescriptors.LambdaFunctionInClassFunction,
        DiagnosticDescriptors.RoutedMethodNotServed,
        DiagnosticDescriptors.SettingOnEndpoint);

    protected override ImmutableHashSet<string> FunctionRules { get; } = Rules(
        RuleIdentifiers.InvalidRoute,
        RuleIdentifiers.RouteParameterNotBound,
        RuleIdentifiers.RouteValueNotInRoute,
        RuleIdentifiers.MoreThanOneBody,
        RuleIdentifiers.BodyWithoutRequestContent,
        RuleIdentifiers.UnbindableHttpParameter,
        RuleIdentifiers.UncheckableRange,
        RuleIdentifiers.InvalidHttpResponse,
        RuleIdentifiers.DuplicateHttpResponse,
        RuleIdentifiers.ClassFunctionWithoutRoutes,
        RuleIdentifiers.LambdaFunctionInClassFunction,
        RuleIdentifiers.RoutedMethodNotServed,
        RuleIdentifiers.SettingOnEndpoint);

    protected override ImmutableHashSet<string> AppRules { get; } = Rules(RuleIdentifiers.DuplicateRoute);

    protected override ImmutableHashSet<string> LimitRules { get; } = Rules(RuleIdentifiers.TimeoutAboveIntegrationTimeout);
}
