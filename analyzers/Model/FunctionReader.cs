using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>Where the parts of a function are written, for diagnostics. Not part of the spec.</summary>
/// <param name="Method">The method identifier.</param>
/// <param name="NameArgument">The <c>Name = ...</c> expression, when written.</param>
/// <param name="ReturnType">The return type syntax.</param>
/// <param name="Parameters">Each method parameter's identifier, in order.</param>
/// <param name="ConstructorParameters">Each handler-class constructor parameter's identifier, in order.</param>
public sealed record FunctionLocations(
    LocationInfo? Method,
    LocationInfo? NameArgument,
    LocationInfo? ReturnType,
    EquatableArray<LocationInfo> Parameters,
    EquatableArray<LocationInfo> ConstructorParameters)
{
    public static readonly FunctionLocations None = new(null, null, null, default, default);

    /// <summary>The <c>Timeout = ...</c> expression of <c>[LambdaFunction]</c>, when written.</summary>
    public LocationInfo? TimeoutArgument { get; init; }

    /// <summary>The <c>MemorySize = ...</c> expression, when written.</summary>
    public LocationInfo? MemorySizeArgument { get; init; }

    /// <summary>The <c>EphemeralStorage = ...</c> expression, when written.</summary>
    public LocationInfo? EphemeralStorageArgument { get; init; }

    /// <summary>The <c>Architecture = ...</c> expression, when written.</summary>
    public LocationInfo? ArchitectureArgument { get; init; }

    /// <summary>The <c>[LambdaEdge(...)]</c> attribute (without brackets), when present.</summary>
    public LocationInfo? EdgeAttribute { get; init; }

    /// <summary>Each <c>[Environment]</c> on the method itself: its key and the attribute.</summary>
    public EquatableArray<KeyedLocation> MethodEnvironment { get; init; }

    /// <summary>Each <c>[HttpApi]</c>/<c>[RestApi]</c> route template argument, in the order of <see cref="HttpSpec.Routes"/>.</summary>
    public EquatableArray<LocationInfo> Routes { get; init; }

    /// <summary>Each route's <c>[HttpApi]</c>/<c>[RestApi]</c> attribute (without brackets), in the order of <see cref="Routes"/>.</summary>
    public EquatableArray<LocationInfo> RouteAttributes { get; init; }

    /// <summary>Each <c>[HttpResponse]</c> attribute, in the order of <see cref="HttpSpec.Responses"/>.</summary>
    public EquatableArray<LocationInfo> Responses { get; init; }

    /// <summary>Where response <paramref name="index"/> of <see cref="HttpSpec.Responses"/> is declared, else the method.</summary>
    public LocationInfo? Response(int index) => index >= 0 && index < Responses.Count ? Responses[index] : Method;

    /// <summary>A class function's endpoints (method, parameters, return type, routes of each), in the order of <see cref="FunctionSpec.Endpoints"/>.</summary>
    public EquatableArray<FunctionLocations> Endpoints { get; init; }

    /// <summary>Where the parts of handler <paramref name="index"/> of <see cref="FunctionSpec.Handlers"/> are written: a class function's endpoint, else this.</summary>
    public FunctionLocations Handler(int index) => index >= 0 && index < Endpoints.Count ? Endpoints[index] : this;

    /// <summary>Where route <paramref name="index"/> is written, else the method.</summary>
    public LocationInfo? Route(int index) => index >= 0 && index < Routes.Count ? Routes[index] : Method;

    public LocationInfo? Parameter(int index) => index >= 0 && index < Parameters.Count ? Parameters[index] : Method;

    public LocationInfo? ConstructorParameter(int index) => index >= 0 && index < ConstructorParameters.Count ? ConstructorParameters[index] : Method;
}

/// <summary>What <see cref="FunctionReader.Read"/> found.</summary>
/// <param name="Spec">The function, or null when it cannot be generated.</param>
/// <param name="Diagnostics">Function-level diagnostics (SLS1001-1005, 1007, 1008, 1017; SLS3001-3006 for HTTP functions).</param>
/// <param name="Locations">Where its parts are written.</param>
public sealed record FunctionReadResult(FunctionSpec? Spec, ImmutableArray<ModelDiagnostic> Diagnostics, FunctionLocations Locations)
{
    /// <summary>
    /// What the method and its classes declare (the spec's <see cref="FunctionSpec.Settings"/> when there is a spec), read
    /// even when the signature is unusable so that settings are checked anyway; null only for a method that cannot be a
    /// handler at all (a local function, an accessor, ...).
    /// </summary>
    public FunctionSettings? Settings { get; init; }

    /// <summary>The function name (explicit or default), also when there is no spec; null when <see cref="Settings"/> is.</summary>
    public string? Name { get; init; }
}

/// <summary>Where an entry with a key is written (an <c>[Environment]</c> attribute, ...).</summary>
public sealed record KeyedLocation(string Key, LocationInfo Location);

/// <summary>Reads a <c>[LambdaFunction]</c> method into a <see cref="FunctionSpec"/>.</summary>
public static class FunctionReader
{
    /// <summary>Reads the function with the locations of its parts (the analyzers' mode).</summary>
    public static FunctionReadResult Read(IMethodSymbol method, AttributeData lambdaFunction, CancellationToken cancellationToken) =>
        Read(method, lambdaFunction, captureLocations: true, cancellationToken);

    /// <summary>
    /// Reads the function. Without <paramref name="captureLocations"/> (the generator's mode, which only keeps the spec)
    /// no syntax is visited and no line span computed: <see cref="FunctionReadResult.Locations"/> is
    /// <see cref="FunctionLocations.None"/> and the diagnostics carry no location; the spec, the settings, the name and
    /// the diagnostics' IDs and messages are the same.
    /// </summary>
    public static FunctionReadResult Read(IMethodSymbol method, AttributeData lambdaFunction, bool captureLocations, CancellationToken cancellationToken)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        var bag = new DiagnosticBag();
        var locations = FunctionLocations.None;
        LocationInfo? methodLocation = null, nameArgument = null, returnTypeLocation = null;
        if (captureLocations)
        {
            methodLocation = method.FirstLocation();
            nameArgument = lambdaFunction?.NamedArgumentLocation("Name", cancellationToken);
            returnTypeLocation = ReturnTypeLocation(method, cancellationToken) ?? methodLocation;
            var parameterLocations = method.Parameters.Select(p => p.FirstLocation() ?? methodLocation).Where(l => l is not null).Select(l => l!).ToEquatableArray();
            locations = new FunctionLocations(methodLocation, nameArgument, returnTypeLocation, parameterLocations, default);
        }

        var type = method.ContainingType;
        if (type is null)
        {
            return new FunctionReadResult(null, bag.ToImmutable(), locations);
        }

        var handler = type.Name + "." + method.Name;

        if (method.MethodKind != MethodKind.Ordinary)
        {
            bag.Add(DiagnosticDescriptors.InaccessibleHandler, methodLocation, handler, "it is not an ordinary method (local functions, lambdas, accessors and operators cannot be handlers)");
            return new FunctionReadResult(null, bag.ToImmutable(), locations);
        }

        // SLS3021: the class is a function itself; the method is one of its endpoints (when routed), not a function.
        if (type.HasAttribute(KnownNames.LambdaFunctionAttribute))
        {
            var attributeLocation = captureLocations ? LocationInfo.From(lambdaFunction?.ApplicationSyntaxReference) ?? methodLocation : null;
            bag.Add(DiagnosticDescriptors.LambdaFunctionInClassFunction, attributeLocation, handler, type.Name);
            return new FunctionReadResult(null, bag.ToImmutable(), locations);
        }

        var (settings, settingLocations) = ReadSettings(method, lambdaFunction, captureLocations, cancellationToken);
        if (captureLocations)
        {
            locations = settingLocations(locations);
        }

        // SLS1003: generic method or generic containing type.
        if (method.IsGenericMethod || method.ContainingTypesOutward().Any(t => t.TypeParameters.Length > 0))
        {
            bag.Add(DiagnosticDescriptors.GenericHandler, methodLocation, handler);
        }

        // SLS1004: accessibility of the method and every containing type.
        if (!SymbolHelpers.IsAccessibleFromAssembly(method.DeclaredAccessibility))
        {
            bag.Add(DiagnosticDescriptors.InaccessibleHandler, methodLocation, handler, "it is " + SymbolHelpers.Describe(method.DeclaredAccessibility) + "; make it public or internal");
        }
        else
        {
            foreach (var container in method.ContainingTypesOutward())
            {
                if (!SymbolHelpers.IsAccessibleFromAssembly(container.DeclaredAccessibility))
                {
                    bag.Add(DiagnosticDescriptors.InaccessibleHandler, methodLocation, handler, "its containing type '" + container.Name + "' is " + SymbolHelpers.Describe(container.DeclaredAccessibility));
                    break;
                }
            }
        }

        // Name: SLS1007, SLS1008.
        var name = DefaultName(method);
        var explicitName = lambdaFunction?.NamedArgument("Name");
        if (explicitName is { IsNull: false, Value: string written })
        {
            name = written;
        }

        var nameLocation = nameArgument ?? methodLocation;
        if (!IsValidLogicalId(name))
        {
            bag.Add(DiagnosticDescriptors.InvalidLogicalId, nameLocation, name);
        }
        else if (name.Length > AwsLimits.HandlerMaxLength)
        {
            bag.Add(DiagnosticDescriptors.HandlerStringTooLong, nameLocation, name, name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var usable = true;

        // Handler class: SLS1017 and constructor dependencies.
        var constructorParameters = ImmutableArray<ServiceDependency>.Empty;
        if (!method.IsStatic)
        {
            var (dependencies, ctorLocations, ok) = ReadConstructor(type, handler, methodLocation, captureLocations, bag);
            usable &= ok;
            constructorParameters = dependencies;
            if (captureLocations)
            {
                locations = locations with { ConstructorParameters = ctorLocations };
            }
        }

        var signature = ReadSignature(method, handler, locations, returnTypeLocation, captureLocations, bag, cancellationToken);
        usable &= signature.Usable;
        locations = signature.Locations;
        var returnSpec = signature.Return;
        var parameters = signature.Parameters;
        var http = signature.Http;

        if (!usable || bag.HasErrors || returnSpec is null)
        {
            return new FunctionReadResult(null, bag.ToImmutable(), locations) { Settings = settings, Name = name };
        }

        var spec2 = new FunctionSpec(
            name,
            TypeRef.From(type),
            method.Name,
            type.QualifiedName() + "." + method.Name,
            method.IsStatic,
            constructorParameters,
            parameters,
            returnSpec,
            settings)
        {
            Http = http,
        };
        return new FunctionReadResult(spec2, bag.ToImmutable(), locations) { Settings = settings, Name = name };
    }

    /// <summary>What a handler method takes and returns, read once for method functions and class-function endpoints.</summary>
    internal sealed record Signature(bool Usable, EquatableArray<ParameterSpec> Parameters, ReturnSpec? Return, HttpSpec? Http, FunctionLocations Locations);

    /// <summary>
    /// The parameters (SLS1001, SLS1002), the return (SLS1005) and, for a routed method, the HTTP part (SLS3001-SLS3006)
    /// of <paramref name="method"/>; <paramref name="locations"/> gains where the routes are written.
    /// </summary>
    internal static Signature ReadSignature(IMethodSymbol method, string handler, FunctionLocations locations, LocationInfo? returnTypeLocation,
        bool captureLocations, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var usable = true;
        // Parameters: SLS1001, SLS1002. An [HttpApi]/[RestApi] function binds from the request instead of an event.
        var isHttp = HttpReader.HasRoutes(method);
        var parameters = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
        IParameterSymbol? firstEvent = null;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameter = method.Parameters[i];
            var location = locations.Parameter(i);
            var parameterType = parameter.Type;
            if (parameterType.ContainsErrors())
            {
                usable = false;
                continue;
            }

            var byRef = DescribeByRef(parameter);
            if (byRef is not null)
            {
                bag.Add(DiagnosticDescriptors.ByRefParameter, location, parameter.Name, handler, byRef);
                continue;
            }

            var kind = isHttp ? HttpReader.Classify(parameter) : Classify(parameter);
            var spec = new ParameterSpec(parameter.Name, kind, TypeRef.From(parameterType), parameterType.IsNullable());
            if (spec.IsEvent)
            {
                if (firstEvent is not null)
                {
                    bag.Add(DiagnosticDescriptors.MoreThanOneEventParameter, location, handler, firstEvent.Name, parameter.Name);
                }
                else
                {
                    firstEvent = parameter;
                }
            }

            parameters.Add(spec);
        }

        // Return: SLS1005.
        var returnSpec = ReadReturn(method, handler, returnTypeLocation, bag, ref usable);
        HttpSpec? http = null;
        if (isHttp)
        {
            // SLS3001-SLS3006: why an HTTP function cannot be generated.
            var httpResult = HttpReader.Read(method, captureLocations, cancellationToken);
            foreach (var diagnostic in httpResult.Diagnostics)
            {
                bag.Add(diagnostic);
            }

            http = httpResult.Spec;
            usable &= http is not null;
            if (captureLocations)
            {
                locations = locations with { Routes = httpResult.RouteLocations, RouteAttributes = httpResult.RouteAttributes, Responses = httpResult.ResponseLocations };
            }
        }

        return new Signature(usable, parameters.ToImmutable(), returnSpec, http, locations);
    }

    /// <summary>Outer type names, the type name and the method name, concatenated (<c>OrdersApiCreate</c>).</summary>
    public static string DefaultName(IMethodSymbol method)
    {
        var builder = new StringBuilder();
        foreach (var type in method.ContainingTypesOutward().Reverse())
        {
            builder.Append(type.Name);
        }

        builder.Append(method.Name);
        return builder.ToString();
    }

    /// <summary>A CloudFormation logical ID: 1 to 255 characters A-Z, a-z, 0-9.</summary>
    public static bool IsValidLogicalId(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > AwsLimits.LogicalIdMaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    internal static LocationInfo? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax)
            {
                return LocationInfo.From(syntax.ReturnType);
            }
        }

        return null;
    }

    private static string? DescribeByRef(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.Ref:
                return "ref";
            case RefKind.Out:
                return "out";
            case RefKind.In:
                return "in";
            case RefKind.None:
                break;
            default:
                return "passed by reference";
        }

        return parameter.Type switch
        {
            IPointerTypeSymbol => "a pointer",
            IFunctionPointerTypeSymbol => "a function pointer",
            { IsRefLikeType: true } => "a ref struct",
            _ => null,
        };
    }

    private static ParameterKind Classify(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (parameter.HasAttribute(KnownNames.FromServicesAttribute))
        {
            return ParameterKind.Service;
        }

        if (type.Is(KnownNames.ILambdaContext))
        {
            return ParameterKind.LambdaContext;
        }

        if (type.Is(KnownNames.CancellationToken))
        {
            return ParameterKind.CancellationToken;
        }

        return ClassifyPayload(type) switch
        {
            ResultKind.Stream => ParameterKind.Stream,
            ResultKind.ByteArray => ParameterKind.ByteArray,
            ResultKind.ReadOnlyMemoryOfByte => ParameterKind.ReadOnlyMemoryOfByte,
            _ when type.SpecialType == SpecialType.System_String => ParameterKind.String,
            _ when type.Is(KnownNames.JsonElement) => ParameterKind.JsonElement,
            _ => ParameterKind.Json,
        };
    }

    private static ResultKind ClassifyPayload(ITypeSymbol type)
    {
        if (type.Is(KnownNames.Stream))
        {
            return ResultKind.Stream;
        }

        if (type.IsByteArray())
        {
            return ResultKind.ByteArray;
        }

        if (type.IsReadOnlyMemoryOfByte())
        {
            return ResultKind.ReadOnlyMemoryOfByte;
        }

        return ResultKind.Json;
    }

    private static ReturnSpec? ReadReturn(IMethodSymbol method, string handler, LocationInfo? location, DiagnosticBag bag, ref bool usable)
    {
        var type = method.ReturnType;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            bag.Add(DiagnosticDescriptors.UnsupportedReturnType, location, handler, "a reference");
            return null;
        }

        if (method.ReturnsVoid)
        {
            if (method.IsAsync)
            {
                bag.Add(DiagnosticDescriptors.UnsupportedReturnType, location, handler, "async void");
                return null;
            }

            return new ReturnSpec(ReturnKind.Void, ResultKind.None, null, false);
        }

        if (type.ContainsErrors())
        {
            usable = false;
            return null;
        }

        // Only for the message: most handlers return a supported type.
        string Display() => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (type.Is(KnownNames.Task))
        {
            return new ReturnSpec(ReturnKind.Task, ResultKind.None, null, false);
        }

        if (type.Is(KnownNames.ValueTask))
        {
            return new ReturnSpec(ReturnKind.ValueTask, ResultKind.None, null, false);
        }

        var kind = ReturnKind.Value;
        var result = type;
        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            if (named.OriginalDefinition.Is(KnownNames.TaskOfT))
            {
                kind = ReturnKind.TaskOfT;
                result = named.TypeArguments[0];
            }
            else if (named.OriginalDefinition.Is(KnownNames.ValueTaskOfT))
            {
                kind = ReturnKind.ValueTaskOfT;
                result = named.TypeArguments[0];
            }
        }

        if (kind == ReturnKind.Value && !IsPlainValue(type))
        {
            bag.Add(DiagnosticDescriptors.UnsupportedReturnType, location, handler, Display());
            return null;
        }

        if (result is IPointerTypeSymbol or IFunctionPointerTypeSymbol || result.IsRefLikeType || result.TypeKind == TypeKind.TypeParameter
            || (kind != ReturnKind.Value && !IsPlainValue(result)))
        {
            bag.Add(DiagnosticDescriptors.UnsupportedReturnType, location, handler, Display());
            return null;
        }

        return new ReturnSpec(kind, ClassifyPayload(result), TypeRef.From(result), result.IsNullable());
    }

    // Not an async stream, not another awaitable or task-like, not a pointer or ref struct.
    private static bool IsPlainValue(ITypeSymbol type)
    {
        if (type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || type.IsRefLikeType || type.TypeKind == TypeKind.TypeParameter)
        {
            return false;
        }

        if (type is not INamedTypeSymbol named)
        {
            return true;
        }

        var definition = named.OriginalDefinition;
        if (definition.Is(KnownNames.IAsyncEnumerableOfT) || definition.AllInterfaces.Any(i => i.OriginalDefinition.Is(KnownNames.IAsyncEnumerableOfT)))
        {
            return false;
        }

        if (definition.Is(KnownNames.Task) || definition.Is(KnownNames.TaskOfT) || definition.Is(KnownNames.ValueTask) || definition.Is(KnownNames.ValueTaskOfT))
        {
            return false;
        }

        for (var t = (ITypeSymbol?)named; t is not null; t = t.BaseType)
        {
            if (t.Is(KnownNames.Task) || t.Is(KnownNames.TaskOfT) || t.HasAttribute(KnownNames.AsyncMethodBuilderAttribute))
            {
                return false;
            }
        }

        return !named.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 0 && !m.IsStatic);
    }

    internal static (ImmutableArray<ServiceDependency> Dependencies, EquatableArray<LocationInfo> Locations, bool Usable) ReadConstructor(
        INamedTypeSymbol type, string handler, LocationInfo? methodLocation, bool captureLocations, DiagnosticBag bag)
    {
        string? reason = null;
        if (type.TypeKind != TypeKind.Class)
        {
            reason = "it is " + (type.TypeKind switch
            {
                TypeKind.Struct => "a struct",
                TypeKind.Interface => "an interface",
                _ => "not a class",
            }) + "; make the handler static or move it to a class";
        }
        else if (type.IsStatic)
        {
            reason = "it is static; make the handler static too";
        }
        else if (type.IsAbstract)
        {
            reason = "it is abstract";
        }

        IMethodSymbol? constructor = null;
        if (reason is null)
        {
            var publicConstructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
            if (publicConstructors.Count == 0)
            {
                reason = "it has no public constructor";
            }
            else if (publicConstructors.Count > 1)
            {
                reason = "it has more than one public constructor; keep one, which the entry point calls with services from [LambdaStartup]";
            }
            else
            {
                constructor = publicConstructors[0];
            }
        }

        if (constructor is null)
        {
            bag.Add(DiagnosticDescriptors.HandlerClassNotCreatable, methodLocation, type.Name, handler, reason ?? "it cannot be constructed");
            return (ImmutableArray<ServiceDependency>.Empty, default, false);
        }

        var usable = true;
        var dependencies = ImmutableArray.CreateBuilder<ServiceDependency>();
        var locations = ImmutableArray.CreateBuilder<LocationInfo>();
        foreach (var parameter in constructor.Parameters)
        {
            var location = captureLocations ? parameter.FirstLocation() ?? methodLocation : null;
            if (location is not null)
            {
                locations.Add(location);
            }

            if (parameter.Type.ContainsErrors())
            {
                usable = false;
                continue;
            }

            var byRef = DescribeByRef(parameter);
            if (byRef is not null)
            {
                bag.Add(DiagnosticDescriptors.HandlerClassNotCreatable, methodLocation, type.Name, handler, "constructor parameter '" + parameter.Name + "' is " + byRef);
                usable = false;
                continue;
            }

            dependencies.Add(new ServiceDependency(parameter.Name, TypeRef.From(parameter.Type), parameter.Type.IsNullable()));
        }

        return (dependencies.ToImmutable(), locations.ToImmutable(), usable);
    }

    /// <summary>The declared settings, and a function that adds where they are written to the locations.</summary>
    /// <remarks><paramref name="method"/> is the <c>[LambdaFunction]</c> method, or the class of a class function (its own attributes are the innermost layer).</remarks>
    internal static (FunctionSettings Settings, Func<FunctionLocations, FunctionLocations> Locations) ReadSettings(
        ISymbol method, AttributeData? attribute, bool captureLocations, CancellationToken cancellationToken)
    {
        int? Positive(string name) => attribute?.NamedInt(name) is int v && v != 0 ? v : null;

        var reserved = attribute?.NamedInt("ReservedConcurrency");
        // Variables and references of each scope (classes outermost first, then the method), read once: the same
        // layers as EnvironmentReader.ReadReferences(method).
        var environmentLayers = new List<EquatableArray<KeyValue>>();
        var referenceLayers = new List<(EquatableArray<KeyValue>, EquatableArray<EnvironmentReference>)>();
        foreach (var type in method.ContainingTypesOutward().Reverse())
        {
            var typeAttributes = type.GetAttributes();
            var typeEnvironment = SymbolHelpers.ReadEnvironment(typeAttributes);
            environmentLayers.Add(typeEnvironment);
            referenceLayers.Add((typeEnvironment, EnvironmentReader.ReadReferences(typeAttributes)));
        }

        var methodAttributes = method.GetAttributes();
        var methodEnvironment = new List<KeyedLocation>();
        var ownEnvironment = SymbolHelpers.ReadEnvironment(methodAttributes, captureLocations ? methodEnvironment : null, cancellationToken);
        environmentLayers.Add(ownEnvironment);
        referenceLayers.Add((ownEnvironment, EnvironmentReader.ReadReferences(methodAttributes)));

        // [LambdaEdge(EdgeEvent)]: unknown bits are dropped; a missing or non-constant argument reads as no events.
        var edgeEvents = EdgeEvents.None;
        LocationInfo? edgeLocation = null;
        foreach (var edge in methodAttributes)
        {
            if (edge.IsAttribute(KnownNames.LambdaEdgeAttribute))
            {
                edgeLocation = captureLocations ? LocationInfo.From(edge.ApplicationSyntaxReference) : null;
                if (edge.ConstructorArgument(0) is { Kind: TypedConstantKind.Enum or TypedConstantKind.Primitive, Value: int events })
                {
                    edgeEvents = (EdgeEvents)events & EdgeEventsExtensions.All;
                }

                break;
            }
        }

        FunctionLocations AddLocations(FunctionLocations locations) => locations with
        {
            TimeoutArgument = attribute?.NamedArgumentLocation("Timeout", cancellationToken),
            MemorySizeArgument = attribute?.NamedArgumentLocation("MemorySize", cancellationToken),
            EphemeralStorageArgument = attribute?.NamedArgumentLocation("EphemeralStorage", cancellationToken),
            ArchitectureArgument = attribute?.NamedArgumentLocation("Architecture", cancellationToken),
            EdgeAttribute = edgeEvents == EdgeEvents.None ? null : edgeLocation,
            MethodEnvironment = methodEnvironment.ToEquatableArray(),
        };

        var settings = new FunctionSettings(
            Runtime: null,
            Architecture: SymbolHelpers.ArchitectureName(attribute?.NamedInt("Architecture")),
            MemorySize: Positive("MemorySize"),
            Timeout: Positive("Timeout"),
            EphemeralStorage: Positive("EphemeralStorage"),
            ReservedConcurrency: reserved is int r && r != -1 ? r : null,
            Tracing: null,
            Role: attribute?.NamedString("Role") is { Length: > 0 } role ? role : null,
            Policies: (attribute?.NamedStringArray("Policies") ?? Array.Empty<string>()).ToEquatableArray(),
            Description: attribute?.NamedString("Description") is { Length: > 0 } description ? description : null,
            Tags: default,
            Environment: FunctionSettings.Merge(environmentLayers.ToArray()))
        {
            EdgeEvents = edgeEvents,
            EnvironmentReferences = EnvironmentModel.MergeReferences(referenceLayers.ToArray()),
            RdsProxy = RdsProxyReader.ReadDeclared(method),
        };
        return (settings, AddLocations);
    }
}
