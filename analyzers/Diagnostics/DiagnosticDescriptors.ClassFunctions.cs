using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// SLS3020-SLS3023: class-level <c>[LambdaFunction]</c>s, one function routing to the class's <c>[HttpApi]</c>/<c>[RestApi]</c>
/// methods. Found by <see cref="ClassFunctionReader"/> and <see cref="FunctionReader"/>, reported by <see cref="HttpRouteAnalyzer"/>.
/// </summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor ClassFunctionWithoutRoutes = Rule(
        RuleIdentifiers.ClassFunctionWithoutRoutes,
        "A class [LambdaFunction] needs public routed methods",
        "Class function '{0}' serves no route: {1}; add [HttpApi] or [RestApi] to its public methods, or put [LambdaFunction] on the methods instead",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LambdaFunctionInClassFunction = Rule(
        RuleIdentifiers.LambdaFunctionInClassFunction,
        "[LambdaFunction] on a method of a class function is ambiguous",
        "'{0}' carries [LambdaFunction], but its class '{1}' is a function itself; remove the method's [LambdaFunction] so that its routes join the class function, or remove the class's to keep one function per method",
        RuleCategories.Http, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RoutedMethodNotServed = Rule(
        RuleIdentifiers.RoutedMethodNotServed,
        "A class function serves only its public methods",
        "Method '{0}' has routes, but it is {1}; class function '{2}' serves only public methods, so API Gateway never reaches it; make it public",
        RuleCategories.Http, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SettingOnEndpoint = Rule(
        RuleIdentifiers.SettingOnEndpoint,
        "Function settings on a method of a class function have no effect",
        "[{0}] on '{1}' has no effect: every route of class function '{2}' runs in one function, whose settings come from the class; {3}",
        RuleCategories.Http, DiagnosticSeverity.Warning);
}
