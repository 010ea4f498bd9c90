using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;

namespace Serverless.Generators;

/// <summary>Symbols to specs, through the model layer. Never throws (except on cancellation).</summary>
internal static class Parser
{
    public static ParseResult<FunctionSpec> ReadFunction(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.IsDefaultOrEmpty)
            {
                return new ParseResult<FunctionSpec>(null, null);
            }

            // The spec only: locations are for the analyzers (the generator reports no diagnostics about user code).
            var spec = FunctionReader.Read(method, context.Attributes[0], captureLocations: false, cancellationToken).Spec;
            if (spec?.Http is not { } http)
            {
                return new ParseResult<FunctionSpec>(spec, null);
            }

            var withOpenApi = WithOpenApi(method, http, out var error, cancellationToken);
            return new ParseResult<FunctionSpec>(spec with { Http = withOpenApi }, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult<FunctionSpec>(null, Error("reading [LambdaFunction] " + context.TargetSymbol?.ToDisplayString(), ex));
        }
    }

    public static ParseResult<FunctionSpec> ReadClassFunction(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsDefaultOrEmpty)
            {
                return new ParseResult<FunctionSpec>(null, null);
            }

            InternalError? error = null;
            var spec = ClassFunctionReader.Read(type, context.Attributes[0], captureLocations: false, cancellationToken,
                (method, http) =>
                {
                    var withOpenApi = WithOpenApi(method, http, out var endpointError, cancellationToken);
                    error ??= endpointError;
                    return withOpenApi;
                }).Spec;
            return new ParseResult<FunctionSpec>(spec, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult<FunctionSpec>(null, Error("reading class [LambdaFunction] " + context.TargetSymbol?.ToDisplayString(), ex));
        }
    }

    /// <summary>The routes' OpenAPI facts added: a bug there costs the document its schemas, not the function its code.</summary>
    private static HttpSpec WithOpenApi(IMethodSymbol method, HttpSpec http, out InternalError? error, CancellationToken cancellationToken)
    {
        error = null;
        try
        {
            return http with { OpenApi = HttpOpenApiReader.Read(method, http, cancellationToken) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Error("reading the OpenAPI schemas of " + method.ToDisplayString(), ex);
            return http;
        }
    }

    public static ParseResult<AppSpec> ReadApp(Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return new ParseResult<AppSpec>(AppReader.Read(compilation, cancellationToken).Spec, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult<AppSpec>(null, Error("reading [assembly: ServerlessApp]", ex));
        }
    }

    public static ParseResult<StartupSpec> ReadStartup(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.TargetSymbol is INamedTypeSymbol type
                ? new ParseResult<StartupSpec>(StartupReader.Read(type, cancellationToken).Spec, null)
                : new ParseResult<StartupSpec>(null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult<StartupSpec>(null, Error("reading [LambdaStartup] " + context.TargetSymbol?.ToDisplayString(), ex));
        }
    }

    public static ParseResult<JsonContextSpec> ReadJsonContext(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.TargetSymbol is INamedTypeSymbol type
                ? new ParseResult<JsonContextSpec>(JsonContextReader.Read(type, cancellationToken).Spec, null)
                : new ParseResult<JsonContextSpec>(null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ParseResult<JsonContextSpec>(null, Error("reading JSON context " + context.TargetSymbol?.ToDisplayString(), ex));
        }
    }

    public static GenerationSpec Combine(
        ImmutableArray<ParseResult<FunctionSpec>> methodFunctions,
        ImmutableArray<ParseResult<FunctionSpec>> classFunctions,
        ParseResult<AppSpec> app,
        ImmutableArray<ParseResult<StartupSpec>> startups,
        ImmutableArray<ParseResult<JsonContextSpec>> contexts,
        bool ownEntryPoint,
        OutputKind outputKind,
        CancellationToken cancellationToken)
    {
        var functions = methodFunctions.AddRange(classFunctions);
        var errors = functions.Select(f => f.Error).Concat(startups.Select(s => s.Error)).Concat(contexts.Select(c => c.Error))
            .Append(app.Error).Where(e => e is not null).Select(e => e!).Distinct().ToEquatableArray();
        var project = new ProjectFacts(ProjectFactsReader.IsExecutable(outputKind), ProjectFactsReader.DescribeOutputKind(outputKind), ownEntryPoint);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generated = AppModel.GeneratedFunctions(functions.Select(f => f.Spec));
            var usableStartups = startups.Select(s => s.Spec).Where(s => s is not null).Select(s => s!)
                .GroupBy(s => s.Type.FullyQualifiedName, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var startup = usableStartups.Count == 1 && startups.All(s => s.Spec is not null) ? usableStartups[0] : null;
            var context = AppModel.SelectJsonContext(app.Spec, contexts.Select(c => c.Spec).Where(c => c is not null).Select(c => c!));
            return new GenerationSpec(app.Spec, generated, startup, context, project, errors);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new GenerationSpec(null, default, null, null, project, errors.Append(Error("combining the app model", ex)).ToEquatableArray());
        }
    }

    public static InternalError Error(string where, Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return new InternalError(where, ex.GetType().Name + ": " + ex.Message + (frame.Length > 0 ? " " + frame : ""));
    }
}
