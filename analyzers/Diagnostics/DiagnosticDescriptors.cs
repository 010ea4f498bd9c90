using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Every descriptor the product reports, each with a help link to docs/rules/ID.md. The model layer returns
/// these with locations; the analyzers report them.
/// </summary>
public static partial class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/serverless-analyzers/serverless-analyzers/blob/main/docs/rules/";

    /// <summary>Tag of rules found by cross checks over the whole app, reported at compilation end.</summary>
    private const string CompilationEnd = WellKnownDiagnosticTags.CompilationEnd;

    private static DiagnosticDescriptor Rule(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: null, helpLinkUri: HelpBase + id + ".md", customTags: tags);

    public static readonly DiagnosticDescriptor MoreThanOneEventParameter = Rule(
        RuleIdentifiers.MoreThanOneEventParameter,
        "A Lambda handler takes at most one event parameter",
        "Handler '{0}' has more than one event parameter ('{1}' and '{2}'); a handler receives one event, plus optional ILambdaContext, CancellationToken and [FromServices] parameters",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ByRefParameter = Rule(
        RuleIdentifiers.ByRefParameter,
        "Lambda handler parameters cannot be ref, out, in, pointers or ref structs",
        "Parameter '{0}' of handler '{1}' is {2}; Lambda passes the event by value",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GenericHandler = Rule(
        RuleIdentifiers.GenericHandler,
        "A Lambda handler cannot be generic",
        "Handler '{0}' is generic or declared in a generic type; the entry point needs concrete types",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InaccessibleHandler = Rule(
        RuleIdentifiers.InaccessibleHandler,
        "A Lambda handler must be public in an accessible type",
        "Handler '{0}' cannot be called by the generated entry point: {1}",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Rule(
        RuleIdentifiers.UnsupportedReturnType,
        "Lambda handler return type is not supported",
        "Handler '{0}' returns '{1}'; return T, Task, Task<T>, ValueTask, ValueTask<T> or void, and do not use async void",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateFunctionName = Rule(
        RuleIdentifiers.DuplicateFunctionName,
        "Function names must be unique",
        "Function name '{0}' is also used by '{1}'; set Name on one of them",
        RuleCategories.Functions, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidLogicalId = Rule(
        RuleIdentifiers.InvalidLogicalId,
        "Function name must be a valid CloudFormation logical ID",
        "Function name '{0}' is not a valid CloudFormation logical ID: use 1 to 255 letters A-Z, a-z and digits 0-9",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HandlerStringTooLong = Rule(
        RuleIdentifiers.HandlerStringTooLong,
        "Function name makes the handler string too long",
        "Function name '{0}' is {1} characters; Lambda's Handler setting allows at most 127",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAnExecutable = Rule(
        RuleIdentifiers.NotAnExecutable,
        "Lambda functions must be declared in an executable project",
        "'{0}' is a Lambda function but this project builds a {1}; set <OutputType>Exe</OutputType> so the build can generate the entry point",
        RuleCategories.Functions, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor ProjectHasOwnMain = Rule(
        RuleIdentifiers.ProjectHasOwnMain,
        "The project has its own entry point",
        "The project declares its own entry point, so no Lambda entry point is generated; call 'global::Serverless.Generated.LambdaApp.RunAsync(args)' from it",
        RuleCategories.Functions, DiagnosticSeverity.Warning, CompilationEnd);

    public static readonly DiagnosticDescriptor MissingStartup = Rule(
        RuleIdentifiers.MissingStartup,
        "Handler needs services but the app has no [LambdaStartup]",
        "'{0}' needs '{1}' from dependency injection, but no class is marked [LambdaStartup] to register it",
        RuleCategories.Functions, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor DuplicateStartup = Rule(
        RuleIdentifiers.DuplicateStartup,
        "Only one class may be marked [LambdaStartup]",
        "'{0}' is marked [LambdaStartup], and so is '{1}'; keep one",
        RuleCategories.Functions, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidStartup = Rule(
        RuleIdentifiers.InvalidStartup,
        "[LambdaStartup] class cannot be used",
        "[LambdaStartup] class '{0}' {1}",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor JsonContextLacksType = Rule(
        RuleIdentifiers.JsonContextLacksType,
        "The app's JsonSerializerContext lacks a handler type",
        "'{0}' has no [JsonSerializable(typeof({1}))], which handler '{2}' needs",
        RuleCategories.Functions, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoJsonContext = Rule(
        RuleIdentifiers.NoJsonContext,
        "Handlers use reflection-based JSON",
        "Handler '{0}' serializes '{1}' without a JsonSerializerContext; the app is not trimming or Native AOT safe. Declare a 'partial class AppJson : JsonSerializerContext' with [JsonSerializable] for its types",
        RuleCategories.Functions, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidJsonContext = Rule(
        RuleIdentifiers.InvalidJsonContext,
        "The app's JsonSerializerContext cannot be determined",
        "{0}",
        RuleCategories.Functions, DiagnosticSeverity.Error, CompilationEnd);

    public static readonly DiagnosticDescriptor HandlerClassNotCreatable = Rule(
        RuleIdentifiers.HandlerClassNotCreatable,
        "Handler class cannot be created",
        "Class '{0}' of handler '{1}' cannot be created: {2}",
        RuleCategories.Functions, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = Rule(
        RuleIdentifiers.InternalError,
        "Serverless.Analyzers failed",
        "Serverless.Analyzers failed in {0}: {1}. Please report this with the code that caused it.",
        RuleCategories.Tool, DiagnosticSeverity.Warning);
}
