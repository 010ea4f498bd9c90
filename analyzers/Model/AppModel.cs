using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>Checks and choices that span functions or the whole project, shared by the generator and the analyzers.</summary>
public static class AppModel
{
    /// <summary>
    /// The context handlers use: the one named by <c>ServerlessApp.JsonContext</c> if it is a <c>JsonSerializerContext</c>;
    /// else, when none is named, the only <c>JsonSerializerContext</c> among <paramref name="contexts"/>; else null.
    /// </summary>
    public static JsonContextSpec? SelectJsonContext(AppSpec? app, IEnumerable<JsonContextSpec> contexts)
    {
        if (app?.NamedJsonContext is { } named)
        {
            return named.IsSerializerContext ? named : null;
        }

        var candidates = Distinct(contexts).Where(IsCandidate).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// Whether a context takes part in choosing one when none is named: any <c>JsonSerializerContext</c>. (The generator
    /// only sees contexts with a <c>[JsonSerializable]</c>; one without any does not compile, as STJ generates nothing for it.)
    /// </summary>
    public static bool IsCandidate(JsonContextSpec context) => context.IsSerializerContext;

    /// <summary>Distinct contexts by type (partial classes show up once per declaration), in first-seen order.</summary>
    public static IEnumerable<JsonContextSpec> Distinct(IEnumerable<JsonContextSpec> contexts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            if (seen.Add(context.Type.FullyQualifiedName))
            {
                yield return context;
            }
        }
    }

    /// <summary>
    /// The functions to generate: valid specs, first of each name, sorted by name (ordinal). Duplicates after the
    /// first (SLS1006) are dropped so generated code stays compilable.
    /// </summary>
    public static ImmutableArray<FunctionSpec> GeneratedFunctions(IEnumerable<FunctionSpec?> functions)
    {
        var byName = new Dictionary<string, FunctionSpec>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            if (function is not null && !byName.ContainsKey(function.Name))
            {
                byName.Add(function.Name, function);
            }
        }

        return byName.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>
    /// A route template with parameter names left out (<c>/orders/{}</c>, greedy <c>/files/{+}</c>): API Gateway routes
    /// <c>/orders/{id}</c> and <c>/orders/{orderId}</c> alike, so they are the same route.
    /// </summary>
    public static string RouteShape(string template)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length >= 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
            {
                segments[i] = segment.EndsWith("+}", StringComparison.Ordinal) ? "{+}" : "{}";
            }
        }

        return string.Join("/", segments);
    }

    /// <summary>
    /// Project-wide checks: SLS1006, SLS3007, SLS1009, SLS1010, SLS1011, SLS1012, SLS1014, SLS1015, SLS1016.
    /// <paramref name="contexts"/> are the classes carrying <c>[JsonSerializable]</c> (any order, duplicates allowed).
    /// </summary>
    public static ImmutableArray<ModelDiagnostic> Validate(
        AppReadResult app,
        IReadOnlyList<FunctionReadResult> functions,
        IReadOnlyList<StartupReadResult> startups,
        IReadOnlyList<JsonContextReadResult> contexts,
        ProjectFacts project,
        CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var valid = functions.Where(f => f.Spec is not null).OrderBy(f => f.Locations.Method?.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Locations.Method?.Span.Start ?? 0).ToList();
        var orderedStartups = startups.OrderBy(s => s.Location?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location?.Span.Start ?? 0).ToList();

        // SLS1006: duplicate names, reported on every duplicate after the first.
        var firstByName = new Dictionary<string, FunctionReadResult>(StringComparer.Ordinal);
        foreach (var function in valid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spec = function.Spec!;
            if (firstByName.TryGetValue(spec.Name, out var first))
            {
                bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.DuplicateFunctionName, function.Locations.NameArgument ?? function.Locations.Method, spec.Name, first.Spec!.MethodDisplayName)
                    with { AdditionalLocations = first.Locations.Method is { } l ? EquatableArray.Create(l) : default });
            }
            else
            {
                firstByName.Add(spec.Name, function);
            }
        }

        // SLS3007: a method and path of one API handled twice (within a class function too), reported on every route after the first.
        var firstByRoute = new Dictionary<(HttpApiKind, string, string), (string Handler, LocationInfo? Location)>();
        foreach (var function in valid)
        {
            var handlerIndex = 0;
            foreach (var handler in function.Spec!.Handlers)
            {
                var locations = function.Locations.Handler(handlerIndex++);
                if (handler.Http is not { } http)
                {
                    continue;
                }

                for (var i = 0; i < http.Routes.Count; i++)
                {
                    var route = http.Routes[i];
                    var key = (route.Api, route.Method, RouteShape(route.Template));
                    if (firstByRoute.TryGetValue(key, out var first))
                    {
                        bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.DuplicateRoute, locations.Route(i), route.Method, route.Template,
                                route.Api == HttpApiKind.RestApi ? "REST API" : "HTTP API", first.Handler)
                            with { AdditionalLocations = first.Location is { } l ? EquatableArray.Create(l) : default });
                    }
                    else
                    {
                        firstByRoute.Add(key, (handler.MethodDisplayName, locations.Route(i)));
                    }
                }
            }
        }

        // SLS1009 / SLS1010: project shape. Any [LambdaFunction] counts, valid or not.
        var all = functions.OrderBy(f => f.Locations.Method?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Locations.Method?.Span.Start ?? 0).ToList();
        if (!project.IsExecutable)
        {
            foreach (var function in all)
            {
                var display = function.Spec?.MethodDisplayName ?? "[LambdaFunction]";
                bag.Add(DiagnosticDescriptors.NotAnExecutable, function.Locations.Method, display, project.OutputKind);
            }
        }
        else if (project.HasOwnEntryPoint && all.Count > 0)
        {
            bag.Add(DiagnosticDescriptors.ProjectHasOwnMain, all[0].Locations.Method);
        }

        // SLS1011: services without a startup.
        if (startups.Count == 0)
        {
            var reported = new HashSet<LocationInfo?>();
            foreach (var function in valid)
            {
                var spec = function.Spec!;
                for (var i = 0; i < spec.ConstructorParameters.Count; i++)
                {
                    var location = function.Locations.ConstructorParameter(i);
                    if (reported.Add(location))
                    {
                        bag.Add(DiagnosticDescriptors.MissingStartup, location, spec.HandlerType.DisplayName, spec.ConstructorParameters[i].Type.DisplayName);
                    }
                }

                var handlerIndex = 0;
                foreach (var handler in spec.Handlers)
                {
                    var locations = function.Locations.Handler(handlerIndex++);
                    for (var i = 0; i < handler.Parameters.Count; i++)
                    {
                        if (handler.Parameters[i].Kind == ParameterKind.Service)
                        {
                            bag.Add(DiagnosticDescriptors.MissingStartup, locations.Parameter(i), handler.MethodDisplayName, handler.Parameters[i].Type.DisplayName);
                        }
                    }
                }
            }
        }

        // SLS1012: more than one startup, reported on every one after the first.
        for (var i = 1; i < orderedStartups.Count; i++)
        {
            bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.DuplicateStartup, orderedStartups[i].Location, orderedStartups[i].DisplayName, orderedStartups[0].DisplayName)
                with { AdditionalLocations = orderedStartups[0].Location is { } l ? EquatableArray.Create(l) : default });
        }

        if (valid.Count == 0)
        {
            return bag.ToImmutable();
        }

        // SLS1016 / SLS1014 / SLS1015: the JSON context.
        var distinct = new List<JsonContextReadResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in contexts.OrderBy(c => c.Location?.FilePath, StringComparer.Ordinal).ThenBy(c => c.Location?.Span.Start ?? 0))
        {
            if (seen.Add(context.Spec.Type.FullyQualifiedName))
            {
                distinct.Add(context);
            }
        }

        var needsJson = valid.Any(f => f.Spec!.JsonTypes.Any());
        JsonContextSpec? selected;
        if (app.Spec.NamedJsonContext is { } named)
        {
            if (!named.IsSerializerContext)
            {
                bag.Add(DiagnosticDescriptors.InvalidJsonContext, app.JsonContextArgument,
                    "'" + (app.NamedJsonContextDisplayName ?? named.Type.DisplayName) + "', named by ServerlessApp.JsonContext, is not a System.Text.Json.Serialization.JsonSerializerContext");
                return bag.ToImmutable();
            }

            selected = named;
        }
        else
        {
            var serializerContexts = distinct.Where(c => IsCandidate(c.Spec)).ToList();
            if (serializerContexts.Count > 1)
            {
                if (needsJson)
                {
                    var names = string.Join(", ", serializerContexts.Select(c => "'" + c.Spec.Type.DisplayName + "'"));
                    foreach (var context in serializerContexts)
                    {
                        bag.Add(DiagnosticDescriptors.InvalidJsonContext, context.Location,
                            "Several JsonSerializerContext classes exist (" + names + "); name the one handlers use with [assembly: ServerlessApp(..., JsonContext = typeof(...))]");
                    }
                }

                return bag.ToImmutable();
            }

            selected = serializerContexts.Count == 1 ? serializerContexts[0].Spec : null;
        }

        foreach (var function in valid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var handlerIndex = 0;
            foreach (var handler in function.Spec!.Handlers)
            {
                var locations = function.Locations.Handler(handlerIndex++);
                for (var i = 0; i < handler.Parameters.Count; i++)
                {
                    if (handler.Parameters[i] is { Kind: ParameterKind.Json } p)
                    {
                        CheckJsonType(bag, selected, handler.MethodDisplayName, p.Type, locations.Parameter(i));
                    }
                    else if (handler.Parameters[i] is { Kind: ParameterKind.Http } h && handler.Http?.Parameter(h.Name) is { Source: HttpBindingSource.Body } body)
                    {
                        CheckJsonType(bag, selected, handler.MethodDisplayName, body.ValueType, locations.Parameter(i));
                    }
                }

                // HTTP: an IHttpResult or no result is not serialized by the generated code.
                if (handler.Return is { Result: ResultKind.Json, ResultType: { } result } && handler.Http is not { Result: not HttpResultKind.Json })
                {
                    CheckJsonType(bag, selected, handler.MethodDisplayName, result, locations.ReturnType ?? locations.Method);
                }

                // [HttpResponse] bodies: an IHttpResult's JSON value goes through the same context.
                var responses = handler.Http?.Responses ?? default;
                for (var i = 0; i < responses.Count; i++)
                {
                    if (responses[i] is { IsContextJson: true, Type: { } declared })
                    {
                        CheckJsonType(bag, selected, handler.MethodDisplayName, declared, locations.Response(i));
                    }
                }
            }
        }

        return bag.ToImmutable();
    }

    private static void CheckJsonType(DiagnosticBag bag, JsonContextSpec? context, string handler, TypeRef type, LocationInfo? location)
    {
        if (context is null)
        {
            bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.NoJsonContext, location, handler, type.DisplayName)
                with { Properties = EquatableArray.Create(new KeyValue(DiagnosticPropertyNames.Type, type.FullyQualifiedName)) });
        }
        else if (!context.Contains(type))
        {
            bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.JsonContextLacksType, location, context.Type.DisplayName, type.DisplayName, handler)
                with { Properties = EquatableArray.Create(new KeyValue(DiagnosticPropertyNames.Type, type.FullyQualifiedName), new KeyValue(DiagnosticPropertyNames.ContextType, context.Type.FullyQualifiedName)) });
        }
    }
}
