using System;
using System.Collections.Generic;
using System.Linq;

namespace Serverless.Analyzers.Model;

/// <summary>What <c>[assembly: ServerlessApp]</c> and assembly-level <c>[Environment]</c> say.</summary>
/// <param name="Name">The app name: the attribute's, else the assembly name.</param>
/// <param name="Runtime">The Lambda runtime identifier, or null for the default.</param>
/// <param name="Architecture"><c>x86_64</c>, <c>arm64</c> or null.</param>
/// <param name="MemorySize">Default memory in MB; 0 = not set.</param>
/// <param name="Timeout">Default timeout in seconds; 0 = not set.</param>
/// <param name="Tracing"><c>Active</c>, <c>PassThrough</c> or null.</param>
/// <param name="Tags">Tags, sorted by key.</param>
/// <param name="Environment">Assembly-level environment, sorted by key.</param>
/// <param name="HasServerlessApp">Whether the assembly carries <c>[ServerlessApp]</c>.</param>
/// <param name="NamedJsonContext"><c>ServerlessApp.JsonContext</c> read as a context, when set.</param>
public sealed record AppSpec(
    string Name,
    string? Runtime,
    string? Architecture,
    int MemorySize,
    int Timeout,
    string? Tracing,
    EquatableArray<KeyValue> Tags,
    EquatableArray<KeyValue> Environment,
    bool HasServerlessApp,
    JsonContextSpec? NamedJsonContext)
{
    /// <summary>The assembly-level variables of <see cref="Environment"/> that are references (FromParameter, FromSecret).</summary>
    public EquatableArray<EnvironmentReference> EnvironmentReferences { get; init; }

    /// <summary><c>[assembly: RdsProxy]</c>, when present: the proxy of every function that declares none.</summary>
    public RdsProxySpec? RdsProxy { get; init; }

    /// <summary>Authorizers, the default <c>[Authorize]</c>, CORS and API options (<see cref="ApiReader"/>); null when none is written.</summary>
    public ApiSpec? Api { get; init; }
}

/// <summary>One <c>[LambdaFunction]</c>: a method, or a class whose routed public methods are its <see cref="Endpoints"/>.</summary>
/// <param name="Name">The function name (logical ID and <c>_HANDLER</c> value).</param>
/// <param name="HandlerType">The class declaring the method (the class itself for a class function).</param>
/// <param name="MethodName">The method's name; empty for a class function.</param>
/// <param name="MethodDisplayName"><c>Namespace.Type.Method</c> (a class function: <c>Namespace.Type</c>), the manifest's <c>method</c>.</param>
/// <param name="IsStatic">Whether the method is static (no handler instance); a class function: whether every endpoint is.</param>
/// <param name="ConstructorParameters">What the handler class's constructor takes from the root provider.</param>
/// <param name="Parameters">The method's parameters in order; empty for a class function.</param>
/// <param name="Return">The return shape; <c>void</c> for a class function.</param>
/// <param name="Settings">What the method and its class declare; see <see cref="ResolveSettings"/>.</param>
public sealed record FunctionSpec(
    string Name,
    TypeRef HandlerType,
    string MethodName,
    string MethodDisplayName,
    bool IsStatic,
    EquatableArray<ServiceDependency> ConstructorParameters,
    EquatableArray<ParameterSpec> Parameters,
    ReturnSpec Return,
    FunctionSettings Settings)
{
    /// <summary>The event parameter, if the handler takes one.</summary>
    public ParameterSpec? EventParameter => Parameters.FirstOrDefault(p => p.IsEvent);

    /// <summary>Whether the handler needs services from dependency injection.</summary>
    public bool NeedsServices => !ConstructorParameters.IsEmpty || Handlers.Any(h => h.Parameters.Any(p => p.Kind == ParameterKind.Service));

    /// <summary>The <c>[HttpApi]</c>/<c>[RestApi]</c> part of a method function: routes and parameter binding; null for other functions (class functions: see <see cref="Endpoints"/>).</summary>
    public HttpSpec? Http { get; init; }

    /// <summary>A class function's routed public methods, in source order; empty for a method function.</summary>
    public EquatableArray<EndpointSpec> Endpoints { get; init; }

    /// <summary>Whether this is a class-level <c>[LambdaFunction]</c> (one function, a router over <see cref="Endpoints"/>).</summary>
    public bool IsClassFunction => !Endpoints.IsEmpty;

    /// <summary>
    /// What an invocation may call: a class function's endpoints, else the method itself. Checks of parameters, results,
    /// routes and JSON types go through this, so they see every routed method of a class function.
    /// </summary>
    public IEnumerable<EndpointSpec> Handlers =>
        IsClassFunction ? Endpoints : new[] { new EndpointSpec(MethodName, MethodDisplayName, IsStatic, Parameters, Return, Http) };

    /// <summary>Every route of the function with the HTTP part of the endpoint that serves it, in order.</summary>
    public IEnumerable<(HttpRouteSpec Route, HttpSpec Http)> Routes =>
        Handlers.Where(h => h.Http is not null).SelectMany(h => h.Http!.Routes.Select(r => (r, h.Http!)));

    /// <summary>The types that go through JSON serialization, endpoint by endpoint (see <see cref="EndpointSpec.JsonTypes"/>).</summary>
    public IEnumerable<TypeRef> JsonTypes => Handlers.SelectMany(h => h.JsonTypes);

    /// <summary>The settings resolved method &gt; class &gt; assembly &gt; defaults.</summary>
    public FunctionSettings ResolveSettings(AppSpec? app) => FunctionSettings.Resolve(Settings, app);
}

/// <summary>A constructor parameter resolved from the root service provider.</summary>
public sealed record ServiceDependency(string Name, TypeRef Type, bool IsNullable);

/// <summary>How a handler parameter gets its value.</summary>
public enum ParameterKind
{
    /// <summary>The raw payload as a <c>Stream</c>.</summary>
    Stream,
    /// <summary>The raw payload as UTF-8 text.</summary>
    String,
    /// <summary>The raw payload as a <c>byte[]</c>.</summary>
    ByteArray,
    /// <summary>The raw payload as <c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    ReadOnlyMemoryOfByte,
    /// <summary>The parsed payload.</summary>
    JsonElement,
    /// <summary>The payload deserialized with System.Text.Json.</summary>
    Json,
    /// <summary><c>ILambdaContext</c>.</summary>
    LambdaContext,
    /// <summary><c>CancellationToken</c>.</summary>
    CancellationToken,
    /// <summary><c>[FromServices]</c>, from the invocation's scope.</summary>
    Service,
    /// <summary>Bound from the HTTP request of an <c>[HttpApi]</c>/<c>[RestApi]</c> function; see <see cref="FunctionSpec.Http"/>.</summary>
    Http,
}

/// <summary>A handler parameter.</summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, TypeRef Type, bool IsNullable)
{
    /// <summary>Whether this parameter receives the event.</summary>
    public bool IsEvent => Kind is ParameterKind.Stream or ParameterKind.String or ParameterKind.ByteArray
        or ParameterKind.ReadOnlyMemoryOfByte or ParameterKind.JsonElement or ParameterKind.Json;
}

/// <summary>The shape of the handler's return type.</summary>
public enum ReturnKind
{
    /// <summary><c>void</c>.</summary>
    Void,
    /// <summary><c>Task</c>.</summary>
    Task,
    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,
    /// <summary>A synchronous <c>T</c>.</summary>
    Value,
    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,
    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,
}

/// <summary>How the result becomes the response.</summary>
public enum ResultKind
{
    /// <summary>No result: empty response.</summary>
    None,
    /// <summary>A raw <c>Stream</c>.</summary>
    Stream,
    /// <summary>Raw <c>byte[]</c>.</summary>
    ByteArray,
    /// <summary>Raw <c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    ReadOnlyMemoryOfByte,
    /// <summary>Serialized as JSON (strings included).</summary>
    Json,
}

/// <summary>The return shape: <paramref name="ResultType"/> is the T of <c>T</c>/<c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>.</summary>
public sealed record ReturnSpec(ReturnKind Kind, ResultKind Result, TypeRef? ResultType, bool IsNullable)
{
    public bool IsAsync => Kind is ReturnKind.Task or ReturnKind.ValueTask or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
}

/// <summary>Function settings; <c>null</c> means not set.</summary>
public sealed record FunctionSettings(
    string? Runtime,
    string? Architecture,
    int? MemorySize,
    int? Timeout,
    int? EphemeralStorage,
    int? ReservedConcurrency,
    string? Tracing,
    string? Role,
    EquatableArray<string> Policies,
    string? Description,
    EquatableArray<KeyValue> Tags,
    EquatableArray<KeyValue> Environment)
{
    public static readonly FunctionSettings None = new(null, null, null, null, null, null, null, null, default, null, default, default);

    /// <summary>The CloudFront events of <c>[LambdaEdge]</c>; <see cref="Model.EdgeEvents.None"/> for an ordinary function.</summary>
    public EdgeEvents EdgeEvents { get; init; }

    /// <summary>
    /// The variables of <see cref="Environment"/> that are references (FromParameter, FromSecret), resolved at init; the
    /// variable's value in <see cref="Environment"/> is the reference's name. Sorted by key.
    /// </summary>
    public EquatableArray<EnvironmentReference> EnvironmentReferences { get; init; }

    /// <summary>
    /// <c>[RdsProxy]</c>: declared, the method's or its innermost class's; resolved, also the assembly's
    /// (<see cref="RdsProxyReader.Resolve"/>). Null when none applies.
    /// </summary>
    public RdsProxySpec? RdsProxy { get; init; }

    /// <summary>Method &gt; class &gt; assembly &gt; defaults. The runtime always ends up set.</summary>
    public static FunctionSettings Resolve(FunctionSettings declared, AppSpec? app)
    {
        return new FunctionSettings(
            Runtime: declared.Runtime ?? app?.Runtime ?? KnownNames.DefaultRuntime,
            Architecture: declared.Architecture ?? app?.Architecture,
            MemorySize: declared.MemorySize ?? (app is { MemorySize: > 0 } ? app.MemorySize : null),
            Timeout: declared.Timeout ?? (app is { Timeout: > 0 } ? app.Timeout : null),
            EphemeralStorage: declared.EphemeralStorage,
            ReservedConcurrency: declared.ReservedConcurrency,
            Tracing: declared.Tracing ?? app?.Tracing,
            Role: declared.Role,
            Policies: declared.Policies,
            Description: declared.Description,
            Tags: Merge(app?.Tags ?? default, declared.Tags),
            Environment: Merge(app?.Environment ?? default, declared.Environment))
        {
            EdgeEvents = declared.EdgeEvents,
            RdsProxy = RdsProxyReader.Resolve(declared, app),
            EnvironmentReferences = EnvironmentModel.MergeReferences(
                (app?.Environment ?? default, app?.EnvironmentReferences ?? default),
                (declared.Environment, declared.EnvironmentReferences)),
        };
    }

    /// <summary>Merges key-value lists; a later list wins for the same key. The result is sorted by key (ordinal).</summary>
    public static EquatableArray<KeyValue> Merge(params EquatableArray<KeyValue>[] layers)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var kv in layer)
            {
                map[kv.Key] = kv.Value;
            }
        }

        return map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValue(p.Key, p.Value)).ToEquatableArray();
    }
}

/// <summary>The CloudFront events of a Lambda@Edge function (the values of <c>Serverless.EdgeEvent</c>).</summary>
[Flags]
public enum EdgeEvents
{
    /// <summary>Not a Lambda@Edge function.</summary>
    None = 0,
    /// <summary><c>viewer-request</c>.</summary>
    ViewerRequest = 1,
    /// <summary><c>viewer-response</c>.</summary>
    ViewerResponse = 2,
    /// <summary><c>origin-request</c>.</summary>
    OriginRequest = 4,
    /// <summary><c>origin-response</c>.</summary>
    OriginResponse = 8,
}

/// <summary>Names and limits of <see cref="EdgeEvents"/>.</summary>
public static class EdgeEventsExtensions
{
    /// <summary>Every known event, in CloudFront's order.</summary>
    public const EdgeEvents All = EdgeEvents.ViewerRequest | EdgeEvents.ViewerResponse | EdgeEvents.OriginRequest | EdgeEvents.OriginResponse;

    public static bool HasViewer(this EdgeEvents events) => (events & (EdgeEvents.ViewerRequest | EdgeEvents.ViewerResponse)) != 0;

    public static bool HasOrigin(this EdgeEvents events) => (events & (EdgeEvents.OriginRequest | EdgeEvents.OriginResponse)) != 0;

    /// <summary>CloudFront's event type names (<c>viewer-request</c>, ...), in CloudFront's order.</summary>
    public static IEnumerable<string> EventTypeNames(this EdgeEvents events)
    {
        if ((events & EdgeEvents.ViewerRequest) != 0)
        {
            yield return "viewer-request";
        }

        if ((events & EdgeEvents.ViewerResponse) != 0)
        {
            yield return "viewer-response";
        }

        if ((events & EdgeEvents.OriginRequest) != 0)
        {
            yield return "origin-request";
        }

        if ((events & EdgeEvents.OriginResponse) != 0)
        {
            yield return "origin-response";
        }
    }

    /// <summary>The longest timeout the events allow: 5 s with any viewer event, else 30 s.</summary>
    public static int MaxTimeoutSeconds(this EdgeEvents events) =>
        events.HasViewer() ? AwsLimits.EdgeViewerTimeoutSeconds : AwsLimits.EdgeOriginTimeoutSeconds;
}

/// <summary>The <c>[LambdaStartup]</c> class.</summary>
public sealed record StartupSpec(TypeRef Type, bool ConfigureServicesIsStatic);

/// <summary>A <c>JsonSerializerContext</c> and the types it has <c>[JsonSerializable]</c> for.</summary>
public sealed record JsonContextSpec(TypeRef Type, bool IsSerializerContext, EquatableArray<JsonTypeEntry> Types)
{
    /// <summary>The <c>[JsonSourceGenerationOptions]</c> property naming policy (<c>JsonKnownNamingPolicy</c>; <c>Web</c> defaults are camelCase).</summary>
    public JsonNamingPolicyKind NamingPolicy { get; init; }

    /// <summary>Whether the options write every enum by name (<c>UseStringEnumConverter</c>, or a <c>JsonStringEnumConverter</c> in <c>Converters</c>).</summary>
    public bool EnumsAsStrings { get; init; }

    /// <summary>The generated <c>JsonTypeInfo&lt;T&gt;</c> property of the context for <paramref name="type"/>, if it is listed.</summary>
    public bool TryGetPropertyName(TypeRef type, out string propertyName)
    {
        foreach (var entry in Types)
        {
            if (entry.FullyQualifiedName == type.FullyQualifiedName)
            {
                propertyName = entry.PropertyName;
                return true;
            }
        }

        propertyName = "";
        return false;
    }

    public bool Contains(TypeRef type) => TryGetPropertyName(type, out _);
}

/// <summary>One <c>[JsonSerializable(typeof(T))]</c>: the type and the property STJ generates for it.</summary>
public sealed record JsonTypeEntry(string FullyQualifiedName, string PropertyName);

/// <summary>Small facts about the project.</summary>
/// <param name="IsExecutable">Whether the output kind is an application.</param>
/// <param name="OutputKind">The output kind's name, for messages (<c>class library</c>...).</param>
/// <param name="HasOwnEntryPoint">Whether user code declares a <c>Main</c> or top-level statements.</param>
public sealed record ProjectFacts(bool IsExecutable, string OutputKind, bool HasOwnEntryPoint);
