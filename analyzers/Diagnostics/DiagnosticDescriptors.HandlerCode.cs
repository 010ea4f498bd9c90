using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// SLS2nnn: costly patterns in the code an invocation runs (the handler body, its lambdas and local functions, and the
/// methods of the same type it calls). Reported by <see cref="HandlerCodeAnalyzer"/>. In every message, the
/// argument after the subject says where: <c>in handler 'T.M'</c> or <c>in 'T.Helper', reached from handler 'T.M'</c>.
/// </summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor PerRequestDatabaseConnection = Rule(
        RuleIdentifiers.PerRequestDatabaseConnection,
        "Create database connections once per execution environment",
        "'{0}' is created on every invocation ({1}); create it once per execution environment in a static field or a DI singleton, and {2}",
        RuleCategories.HandlerCode, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PerRequestHttpClient = Rule(
        RuleIdentifiers.PerRequestHttpClient,
        "Create HttpClient once per execution environment",
        "'{0}' is created on every invocation ({1}); reuse one static instance (or IHttpClientFactory) so that connections and DNS lookups are shared across invocations",
        RuleCategories.HandlerCode, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PerRequestAwsClient = Rule(
        RuleIdentifiers.PerRequestAwsClient,
        "Create AWS SDK clients once per execution environment",
        "AWS SDK client '{0}' is created on every invocation ({1}); create it once in a static field or a DI singleton so that credentials, endpoint resolution and connections are reused",
        RuleCategories.HandlerCode, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BlockingOnAsync = Rule(
        RuleIdentifiers.BlockingOnAsync,
        "Do not block on asynchronous code in a handler",
        "'{0}' blocks the invocation's thread until the task completes ({1}); make the method async and await the task",
        RuleCategories.HandlerCode, DiagnosticSeverity.Warning);
}
