using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Checks of function settings against AWS limits (<see cref="AwsLimits"/>): SLS1100-SLS1102 for every function and the
/// app defaults, SLS1110-SLS1113 for Lambda@Edge functions, SLS3008 for HTTP functions. Works on what the readers returned, so nothing reads an
/// attribute again. Each diagnostic that has a fix carries <see cref="LimitPropertyNames"/> properties.
/// </summary>
public static class FunctionLimits
{
    private const string AppSubject = "The app default ([assembly: ServerlessApp])";
    private const string Inherited = " (inherited from [assembly: ServerlessApp])";
    private const string StepFunctionsHint =
        ". For longer work, split it into steps of a Step Functions state machine ([StateMachine]), or hand it to a queue that another function drains";

    /// <summary>SLS1100, SLS1101 on the app defaults of <c>[assembly: ServerlessApp]</c>, at their arguments.</summary>
    public static ImmutableArray<ModelDiagnostic> ValidateApp(AppReadResult app)
    {
        var bag = new DiagnosticBag();
        var spec = app.Spec;
        if (spec.HasServerlessApp)
        {
            CheckTimeout(bag, AppSubject, spec.Timeout == 0 ? null : spec.Timeout, app.TimeoutArgument);
            CheckRange(bag, DiagnosticDescriptors.MemorySizeOutOfRange, AwsLimits.Memory, "MemorySize", AppSubject, spec.MemorySize == 0 ? null : spec.MemorySize, app.MemorySizeArgument);
        }

        return bag.ToImmutable();
    }

    /// <summary>
    /// SLS1100-SLS1102 on what the function declares (at the argument), for a Lambda@Edge function SLS1110-SLS1113
    /// on its resolved settings (at the argument when the function declares the value, else at <c>[LambdaEdge]</c>), and
    /// for an HTTP function SLS3008 on its resolved timeout (at the argument, else at the route attribute that sets the limit).
    /// </summary>
    public static ImmutableArray<ModelDiagnostic> ValidateFunction(AppReadResult? app, FunctionReadResult function)
    {
        var declared = function.Settings;
        var locations = function.Locations;
        if (declared is null)
        {
            return ImmutableArray<ModelDiagnostic>.Empty;
        }

        var bag = new DiagnosticBag();
        var name = function.Spec?.Name ?? function.Name ?? "";
        var subject = "Function '" + name + "'";
        var timeoutOk = CheckTimeout(bag, subject, declared.Timeout, locations.TimeoutArgument);
        var memoryOk = CheckRange(bag, DiagnosticDescriptors.MemorySizeOutOfRange, AwsLimits.Memory, "MemorySize", subject, declared.MemorySize, locations.MemorySizeArgument);
        CheckRange(bag, DiagnosticDescriptors.EphemeralStorageOutOfRange, AwsLimits.EphemeralStorage, "EphemeralStorage", subject, declared.EphemeralStorage, locations.EphemeralStorageArgument);

        CheckIntegrationTimeout(bag, name, app, function, timeoutOk);

        var events = declared.EdgeEvents;
        if (events != EdgeEvents.None && locations.EdgeAttribute is { } edge)
        {
            var resolved = FunctionSettings.Resolve(declared, app?.Spec);
            CheckEdgeEnvironment(bag, name, resolved, locations, edge);

            // Timeout: declared on the function (and within Lambda's range, else SLS1100 already says so), or the app default.
            var maxTimeout = events.MaxTimeoutSeconds();
            if (resolved.Timeout is int timeout && timeout > maxTimeout && (declared.Timeout is null || timeoutOk))
            {
                var own = declared.Timeout is not null;
                bag.Add(Fixable(
                    ModelDiagnostic.Create(DiagnosticDescriptors.EdgeTimeout, own ? locations.TimeoutArgument ?? edge : edge,
                        name, N(timeout), own ? "" : Inherited, events.HasViewer() ? "viewer" : "origin", N(maxTimeout)),
                    "Timeout", N(maxTimeout)));
            }

            if (events.HasViewer() && resolved.MemorySize is int memory && memory > AwsLimits.EdgeViewerMemoryMb && (declared.MemorySize is null || memoryOk))
            {
                var own = declared.MemorySize is not null;
                bag.Add(Fixable(
                    ModelDiagnostic.Create(DiagnosticDescriptors.EdgeViewerMemory, own ? locations.MemorySizeArgument ?? edge : edge,
                        name, N(memory), own ? "" : Inherited, N(AwsLimits.EdgeViewerMemoryMb)),
                    "MemorySize", N(AwsLimits.EdgeViewerMemoryMb)));
            }

            if (resolved.Architecture == "arm64")
            {
                var own = declared.Architecture is not null;
                bag.Add(Fixable(
                    ModelDiagnostic.Create(DiagnosticDescriptors.EdgeArchitecture, own ? locations.ArchitectureArgument ?? edge : edge, name, own ? "" : Inherited),
                    "Architecture", "global::Serverless.LambdaArchitecture.X86_64"));
            }
        }

        return bag.ToImmutable();
    }

    /// <summary>
    /// SLS3008: the resolved timeout (method, else the app default; Lambda's default of 3 s is always within) above the
    /// API Gateway integration timeout of the function's routes, the smaller when it has both kinds. Skipped when the
    /// function's own timeout is outside Lambda's range (SLS1100 says so) and when the HTTP part cannot be read.
    /// </summary>
    private static void CheckIntegrationTimeout(DiagnosticBag bag, string name, AppReadResult? app, FunctionReadResult function, bool timeoutOk)
    {
        var declared = function.Settings!;
        if (function.Spec is not { } spec || !timeoutOk)
        {
            return;
        }

        // Every route of the function (each endpoint's, for a class function) with where its attribute is written.
        var routes = new List<(HttpRouteSpec Route, LocationInfo? Attribute)>();
        var handlerIndex = 0;
        foreach (var handler in spec.Handlers)
        {
            var handlerLocations = function.Locations.Handler(handlerIndex++);
            for (var i = 0; i < (handler.Http?.Routes.Count ?? 0); i++)
            {
                var attribute = i < handlerLocations.RouteAttributes.Count ? handlerLocations.RouteAttributes[i] : handlerLocations.Route(i);
                routes.Add((handler.Http!.Routes[i], attribute));
            }
        }

        if (routes.Count == 0)
        {
            return;
        }

        var resolved = FunctionSettings.Resolve(declared, app?.Spec);
        if (resolved.Timeout is not int timeout)
        {
            return;
        }

        // The route with the smallest limit (the first one of its kind).
        var index = -1;
        AwsLimit? limit = null;
        for (var i = 0; i < routes.Count; i++)
        {
            var candidate = routes[i].Route.Api == HttpApiKind.RestApi ? AwsLimits.RestApiIntegrationTimeout : AwsLimits.HttpApiIntegrationTimeout;
            if (limit is null || candidate.Max < limit.Max)
            {
                limit = candidate;
                index = i;
            }
        }

        if (limit?.Max is not long max || limit.IsWithin(timeout))
        {
            return;
        }

        var own = declared.Timeout is not null;
        var routeAttribute = routes[index].Attribute;
        var location = own ? function.Locations.TimeoutArgument ?? routeAttribute : routeAttribute;
        if (location is null)
        {
            return;
        }

        var api = routes[index].Route.Api == HttpApiKind.RestApi ? "API Gateway REST API" : "API Gateway HTTP API";
        bag.Add(Fixable(
            ModelDiagnostic.Create(DiagnosticDescriptors.TimeoutAboveIntegrationTimeout, location, name, N(timeout), own ? "" : Inherited, api, N(max)),
            "Timeout", N(max)));
    }

    /// <summary>SLS1110: each method-level [Environment] on its attribute; variables from the class or assembly on [LambdaEdge].</summary>
    private static void CheckEdgeEnvironment(DiagnosticBag bag, string name, FunctionSettings resolved, FunctionLocations locations, LocationInfo edge)
    {
        if (resolved.Environment.IsEmpty)
        {
            return;
        }

        var methodKeys = new HashSet<string>(locations.MethodEnvironment.Select(e => e.Key), System.StringComparer.Ordinal);
        var outer = resolved.Environment.Where(kv => !methodKeys.Contains(kv.Key)).Select(kv => kv.Key).ToList();
        if (outer.Count > 0)
        {
            bag.Add(DiagnosticDescriptors.EdgeEnvironment, edge, name, Quote(outer), "from [Environment] on its class or the assembly");
        }

        foreach (var entry in locations.MethodEnvironment)
        {
            bag.Add(DiagnosticDescriptors.EdgeEnvironment, entry.Location, name, Quote(new[] { entry.Key }), "from this [Environment]");
        }
    }

    /// <summary>SLS1100; false when reported.</summary>
    private static bool CheckTimeout(DiagnosticBag bag, string subject, int? value, LocationInfo? location)
    {
        var limit = AwsLimits.Timeout;
        if (value is not int v || limit.IsWithin(v) || location is null)
        {
            return true;
        }

        var over = v > limit.Max;
        bag.Add(Fixable(
            ModelDiagnostic.Create(DiagnosticDescriptors.TimeoutOutOfRange, location, subject, N(v), N(limit.Min), N(limit.Max), over ? StepFunctionsHint : ""),
            "Timeout", N(over ? limit.Max : limit.Min)));
        return false;
    }

    /// <summary>SLS1101, SLS1102; false when reported. The fix clamps to the nearest bound.</summary>
    private static bool CheckRange(DiagnosticBag bag, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, AwsLimit limit, string setting, string subject, int? value, LocationInfo? location)
    {
        if (value is not int v || limit.IsWithin(v) || location is null)
        {
            return true;
        }

        var nearest = v > limit.Max ? limit.Max : limit.Min;
        bag.Add(Fixable(ModelDiagnostic.Create(descriptor, location, subject, N(v), N(limit.Min), N(limit.Max)), setting, N(nearest)));
        return false;
    }

    private static ModelDiagnostic Fixable(ModelDiagnostic diagnostic, string setting, string value) =>
        diagnostic with { Properties = EquatableArray.Create(new KeyValue(LimitPropertyNames.Setting, setting), new KeyValue(LimitPropertyNames.Value, value)) };

    private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => "'" + k + "'"));

    private static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
