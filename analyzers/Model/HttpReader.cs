using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads the HTTP part of a <c>[LambdaFunction]</c> with <c>[HttpApi]</c>/<c>[RestApi]</c> routes: the routes, where
/// each parameter comes from and how it is parsed, its default, its DataAnnotations checks, and how the result maps to
/// a response. <see cref="FunctionReader"/> calls it; it never throws on half-typed code.
/// </summary>
/// <remarks>
/// Binding sources, in order: <c>[FromServices]</c>, <c>ILambdaContext</c> and <c>CancellationToken</c> keep their
/// Lambda meaning; <c>HttpRequestData</c> is the request; <c>[FromRoute]</c>/<c>[FromQuery]</c>/<c>[FromHeader]</c>/
/// <c>[FromBody]</c> say it; a name of a route template parameter (ignoring case) is the route; a simple type
/// (<c>IParsable&lt;T&gt;</c>, an enum, their nullable forms, arrays and lists of them) is the query; anything else is
/// the JSON body. A non-nullable parameter without a default is required.
/// </remarks>
public static class HttpReader
{
    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    private static readonly string[] Verbs = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY" };

    private static readonly string[] ArrayInterfaces =
    {
        "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.ICollection`1",
    };

    /// <summary>Whether an attribute is <c>[HttpApi]</c> or <c>[RestApi]</c>.</summary>
    public static bool IsRouteAttribute(AttributeData attribute) =>
        attribute.IsAttribute(HttpKnownNames.HttpApiAttribute) || attribute.IsAttribute(HttpKnownNames.RestApiAttribute);

    /// <summary>Whether the method carries any <c>[HttpApi]</c>/<c>[RestApi]</c>.</summary>
    public static bool HasRoutes(IMethodSymbol method) => method.GetAttributes().Any(IsRouteAttribute);

    /// <summary>
    /// Whether a document may declare a property whose checks a body is validated with (SLS3017 is reported in that
    /// document): an attributed property, or an attributed parameter of a type's primary constructor. A cheap syntax
    /// walk that skips member bodies.
    /// </summary>
    public static bool MayDeclareBodyChecks(SyntaxNode root) =>
        root.DescendantNodes(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.ParameterListSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax })
            .Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { AttributeLists.Count: > 0 }
                or Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax { AttributeLists.Count: > 0 });

    /// <summary>A parameter's kind in an HTTP function: services, context and cancellation as usual, else <see cref="ParameterKind.Http"/>.</summary>
    public static ParameterKind Classify(IParameterSymbol parameter)
    {
        if (parameter.HasAttribute(KnownNames.FromServicesAttribute))
        {
            return ParameterKind.Service;
        }

        if (parameter.Type.Is(KnownNames.ILambdaContext))
        {
            return ParameterKind.LambdaContext;
        }

        return parameter.Type.Is(KnownNames.CancellationToken) ? ParameterKind.CancellationToken : ParameterKind.Http;
    }

    /// <summary>The HTTP spec, or null when a route or a parameter cannot be generated.</summary>
    public static HttpSpec? Read(IMethodSymbol method, CancellationToken cancellationToken) =>
        Read(method, captureLocations: false, cancellationToken).Spec;

    /// <summary>
    /// The HTTP spec (null when a route or a parameter cannot be generated) with the reasons (SLS3001-SLS3006) and, with
    /// <paramref name="captureLocations"/>, where each route is written. Attributes or types the compiler already
    /// reports (missing or non-constant arguments, unknown types) make the spec null without a diagnostic.
    /// </summary>
    public static HttpReadResult Read(IMethodSymbol method, bool captureLocations, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var handler = (method.ContainingType is { } type ? type.Name + "." : "") + method.Name;
        var methodLocation = captureLocations ? method.FirstLocation() : null;
        var (routes, routeLocations, attributeLocations, routesUsable) = ReadRoutes(method, handler, methodLocation, captureLocations, bag, cancellationToken);
        if (!routesUsable)
        {
            return new HttpReadResult(null, bag.ToImmutable(), routeLocations) { RouteAttributes = attributeLocations };
        }

        LocationInfo? LocationOf(IParameterSymbol parameter) => captureLocations ? parameter.FirstLocation() ?? methodLocation : null;

        var routeNames = routes.SelectMany(r => r.Parameters).Distinct(StringComparer.Ordinal).ToList();
        var parameters = ImmutableArray.CreateBuilder<HttpParameterSpec>();
        var symbols = new Dictionary<string, IParameterSymbol>(StringComparer.Ordinal);
        var routeBound = new List<(IParameterSymbol Parameter, string Name, bool Explicit)>();
        var takesRequest = false;
        var usable = true;
        // SLS3017 only where diagnostics are wanted: the generator reads specs alone.
        var ranges = captureLocations ? new HttpRangeTargets(bag, handler, cancellationToken) : null;
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Classify(parameter) != ParameterKind.Http)
            {
                continue;
            }

            if (parameter.Type.ContainsErrors())
            {
                usable = false;   // the compiler reports the type
                continue;
            }

            var (spec, source, fieldName, isExplicit) = ReadParameter(parameter, routeNames, ranges);
            if (source == HttpBindingSource.Route)
            {
                routeBound.Add((parameter, fieldName, isExplicit));
            }

            if (spec is null)
            {
                var (from, why) = source switch
                {
                    HttpBindingSource.Route when ClassifyValue(parameter.Type) is { Collection: not HttpCollectionKind.None } =>
                        ("a route value", "is a collection, and a route segment holds one value"),
                    HttpBindingSource.Route => ("a route value", NotSimple),
                    HttpBindingSource.Header => ("a header", NotSimple),
                    _ => ("the query string", NotSimple),
                };
                bag.Add(DiagnosticDescriptors.UnbindableHttpParameter, LocationOf(parameter), parameter.Name, handler, from,
                    parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), why);
                usable = false;
                continue;
            }

            takesRequest |= spec.Source == HttpBindingSource.Request;
            symbols[spec.Name] = parameter;
            parameters.Add(spec);
        }

        // SLS3002: every route parameter is bound (unless the handler reads the raw request itself).
        if (!takesRequest)
        {
            for (var r = 0; r < routes.Length; r++)
            {
                foreach (var name in routes[r].Parameters)
                {
                    if (!routeBound.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.RouteParameterNotBound, r < routeLocations.Count ? routeLocations[r] : methodLocation,
                            routes[r].Template, name, handler) with { Properties = EquatableArray.Create(new KeyValue(HttpPropertyNames.RouteParameter, name)) });
                    }
                }
            }
        }

        // SLS3003: an explicit [FromRoute] names a value no route has.
        foreach (var (parameter, name, isExplicit) in routeBound)
        {
            if (isExplicit && !routeNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            {
                bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.RouteValueNotInRoute, LocationOf(parameter), parameter.Name, handler, name,
                    string.Join("', '", routes.Select(r => r.Template))) with { Properties = EquatableArray.Create(new KeyValue(HttpPropertyNames.RouteParameter, name)) });
            }
        }

        // SLS3004: one body. SLS3005: a body only where some route's method has one.
        var bodies = parameters.Where(p => p.Source == HttpBindingSource.Body).ToList();
        for (var i = 1; i < bodies.Count; i++)
        {
            bag.Add(DiagnosticDescriptors.MoreThanOneBody, LocationOf(symbols[bodies[i].Name]), handler, bodies[0].Name, bodies[i].Name);
        }

        if (bodies.Count > 0 && routes.Length > 0 && routes.All(r => r.Method is "GET" or "HEAD" or "DELETE"))
        {
            var route = routes[0];
            var body = symbols[bodies[0].Name];
            var queryable = ClassifyValue(body.Type) is not null;
            bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.BodyWithoutRequestContent, LocationOf(body), bodies[0].Name, handler, route.Method, route.Template)
                with { Properties = EquatableArray.Create(new KeyValue(HttpPropertyNames.BindableFromQuery, queryable ? "true" : "false")) });
        }

        // SLS3018/SLS3019: the declared responses (diagnostics only where wanted: the generator reads specs alone).
        var responses = HttpResponseReader.Read(method, captureLocations ? bag : null, handler, cancellationToken);
        if (!usable || bag.HasErrors)
        {
            return new HttpReadResult(null, bag.ToImmutable(), routeLocations) { RouteAttributes = attributeLocations };
        }

        var (result, notFound) = ReadResult(method);
        // [Authorize]/[AllowAnonymous] of the method or its class; the assembly's default is resolved with the app.
        var auth = AuthReader.ReadDeclared(method);
        if (auth is not null)
        {
            routes = routes.Select(r => r with { Auth = auth }).ToImmutableArray();
        }

        var httpSpec = new HttpSpec(routes, parameters.ToImmutable(), result, notFound) { Responses = responses.Select(r => r.Spec).ToEquatableArray() };
        return new HttpReadResult(httpSpec, bag.ToImmutable(), routeLocations)
        {
            RouteAttributes = attributeLocations,
            ResponseLocations = captureLocations ? responses.Select(r => r.Location ?? methodLocation).Where(l => l is not null).Select(l => l!).ToEquatableArray() : default,
        };
    }

    private const string NotSimple =
        "is not a simple type; use string, bool, a number, Guid, a date or time type, an enum, a type with a static TryParse (IParsable<T>, "
        + "or a public static bool TryParse(string, out T) or TryParse(string, IFormatProvider, out T)), "
        + "their nullable forms, or (query and header only) arrays and lists of them, and take anything else from the body with [FromBody]";

    private static (ImmutableArray<HttpRouteSpec> Routes, EquatableArray<LocationInfo> Locations, EquatableArray<LocationInfo> Attributes, bool Usable) ReadRoutes(
        IMethodSymbol method, string handler, LocationInfo? methodLocation, bool captureLocations, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var routes = ImmutableArray.CreateBuilder<HttpRouteSpec>();
        var locations = ImmutableArray.CreateBuilder<LocationInfo>();
        var attributes = ImmutableArray.CreateBuilder<LocationInfo>();
        var usable = true;
        foreach (var attribute in method.GetAttributes())
        {
            if (!IsRouteAttribute(attribute))
            {
                continue;
            }

            LocationInfo? Argument(int index, string name) => captureLocations
                ? attribute.ConstructorArgumentLocation(index, name, cancellationToken) ?? LocationInfo.From(attribute.ApplicationSyntaxReference) ?? methodLocation
                : null;

            var api = attribute.IsAttribute(HttpKnownNames.RestApiAttribute) ? HttpApiKind.RestApi : HttpApiKind.HttpApi;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArgument(0) is not { } verbArgument
                || attribute.ConstructorArgument(1) is not { } routeArgument)
            {
                usable = false;   // missing or non-constant arguments: the compiler reports them
                continue;
            }

            var template = routeArgument.Value as string;
            if (verbArgument.Value is not int verb || verb < 0 || verb >= Verbs.Length)
            {
                bag.Add(DiagnosticDescriptors.InvalidRoute, Argument(0, "method"), template ?? "null", handler,
                    "(HttpVerb)" + Convert.ToString(verbArgument.Value, CultureInfo.InvariantCulture) + " is not an HTTP method");
                usable = false;
                continue;
            }

            var location = Argument(1, "route");
            if (!HttpRouteTemplateParser.TryParse(template, out var names, out _, out var error))
            {
                bag.Add(DiagnosticDescriptors.InvalidRoute, location, template ?? "null", handler, error ?? "it cannot be parsed");
                usable = false;
                continue;
            }

            routes.Add(new HttpRouteSpec(Verbs[verb], template!, api, names));
            if (location is not null)
            {
                locations.Add(location);
                attributes.Add(LocationInfo.From(attribute.ApplicationSyntaxReference) ?? location);
            }
        }

        return (routes.ToImmutable(), locations.ToEquatableArray(), attributes.ToEquatableArray(), usable);
    }

    /// <summary>
    /// A parameter's spec (null when its type cannot be bound from its source), with the source and request name it
    /// would bind from and whether an attribute said so.
    /// </summary>
    private static (HttpParameterSpec? Spec, HttpBindingSource Source, string FieldName, bool Explicit) ReadParameter(
        IParameterSymbol parameter, List<string> routeNames, HttpRangeTargets? ranges)
    {
        var type = parameter.Type;
        var isNullable = type.IsNullable();
        var typeRef = TypeRef.From(type);
        if (type.Is(HttpKnownNames.HttpRequestData))
        {
            return (new HttpParameterSpec(parameter.Name, HttpBindingSource.Request, parameter.Name, typeRef, typeRef,
                HttpValueKind.None, HttpCollectionKind.None, false, true, isNullable, false, null, default), HttpBindingSource.Request, parameter.Name, false);
        }

        var (source, explicitName) = ExplicitSource(parameter);
        var isExplicit = source is not null;
        var value = ClassifyValue(type);
        if (source is null)
        {
            var routeName = routeNames.FirstOrDefault(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (routeName is not null)
            {
                source = HttpBindingSource.Route;
                explicitName = routeName;
            }
            else
            {
                source = value is null ? HttpBindingSource.Body : HttpBindingSource.Query;
            }
        }

        var hasRequiredAttribute = parameter.HasAttribute(HttpKnownNames.RequiredAttribute);
        var required = !isNullable && !parameter.HasExplicitDefaultValue;
        if (source == HttpBindingSource.Body)
        {
            return (new HttpParameterSpec(parameter.Name, HttpBindingSource.Body, explicitName ?? "body", typeRef, typeRef,
                HttpValueKind.Json, HttpCollectionKind.None, false, type.IsReferenceType, isNullable, required || hasRequiredAttribute,
                FormatDefault(parameter, type, false), default) { BodyProperties = ReadBodyProperties(type, ranges) },
                HttpBindingSource.Body, explicitName ?? "body", isExplicit);
        }

        var fieldName = explicitName ?? parameter.Name;
        if (value is not { } v || (v.Collection != HttpCollectionKind.None && source == HttpBindingSource.Route))
        {
            return (null, source.Value, fieldName, isExplicit); // not bindable from a route, query or header value
        }

        var validations = ReadValidations(parameter.GetAttributes(), v.ValueType, v.Collection, ranges?.Parameter(parameter));
        if (v.Collection != HttpCollectionKind.None)
        {
            required |= hasRequiredAttribute;
        }
        else if (hasRequiredAttribute && (v.ValueType.IsReferenceType || v.IsNullableValueType))
        {
            // [Required] checks the bound value (white space included for strings) instead of binding requiring it.
            required = false;
            validations = validations.Insert(0, new HttpValidationSpec(HttpValidationKind.Required, default, RequiredMessage(parameter)));
        }

        var spec = new HttpParameterSpec(
            parameter.Name,
            source.Value,
            fieldName,
            typeRef,
            TypeRef.From(v.ValueType),
            v.Kind,
            v.Collection,
            v.IsNullableValueType,
            v.ValueType.IsReferenceType,
            isNullable,
            required,
            FormatDefault(parameter, v.ValueType, v.IsNullableValueType),
            validations.ToEquatableArray());
        return (spec, source.Value, fieldName, isExplicit);
    }

    private static (HttpBindingSource? Source, string? Name) ExplicitSource(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            HttpBindingSource? source =
                attribute.IsAttribute(HttpKnownNames.FromRouteAttribute) ? HttpBindingSource.Route
                : attribute.IsAttribute(HttpKnownNames.FromQueryAttribute) ? HttpBindingSource.Query
                : attribute.IsAttribute(HttpKnownNames.FromHeaderAttribute) ? HttpBindingSource.Header
                : attribute.IsAttribute(HttpKnownNames.FromBodyAttribute) ? HttpBindingSource.Body
                : null;
            if (source is null)
            {
                continue;
            }

            var name = attribute.NamedString("Name") ?? attribute.ConstructorString(0);
            return (source, string.IsNullOrEmpty(name) ? null : name);
        }

        return (null, null);
    }

    private readonly struct ValueShape
    {
        public ValueShape(ITypeSymbol valueType, HttpValueKind kind, HttpCollectionKind collection, bool isNullableValueType)
        {
            ValueType = valueType;
            Kind = kind;
            Collection = collection;
            IsNullableValueType = isNullableValueType;
        }

        public ITypeSymbol ValueType { get; }
        public HttpValueKind Kind { get; }
        public HttpCollectionKind Collection { get; }
        public bool IsNullableValueType { get; }
    }

    /// <summary>The parsed shape of a route/query/header type, or null when it is not a simple type.</summary>
    private static ValueShape? ClassifyValue(ITypeSymbol type)
    {
        if (SimpleKind(type) is { } kind)
        {
            return new ValueShape(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), kind, HttpCollectionKind.None, false);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            var underlying = nullable.TypeArguments[0];
            return SimpleKind(underlying) is { } underlyingKind ? new ValueShape(underlying, underlyingKind, HttpCollectionKind.None, true) : null;
        }

        ITypeSymbol? element = null;
        var collection = HttpCollectionKind.Array;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            var definition = generic.OriginalDefinition;
            if (definition.Is(HttpKnownNames.ListOfT))
            {
                element = generic.TypeArguments[0];
                collection = HttpCollectionKind.List;
            }
            else if (ArrayInterfaces.Any(definition.Is))
            {
                element = generic.TypeArguments[0];
            }
        }

        if (element is null || (!element.IsValueType && element.NullableAnnotation == NullableAnnotation.Annotated) || SimpleKind(element) is not { } elementKind)
        {
            return null;
        }

        return new ValueShape(element.WithNullableAnnotation(NullableAnnotation.NotAnnotated), elementKind, collection, false);
    }

    /// <summary>
    /// How a simple type is parsed, or null when it is not one: an enum; a type implementing <c>IParsable&lt;itself&gt;</c>
    /// (string, numbers, Guid, dates, user types); else a type with a public static <c>TryParse</c> of its own
    /// (the <c>IFormatProvider</c> form preferred, for the invariant culture).
    /// </summary>
    private static HttpValueKind? SimpleKind(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return HttpValueKind.Enum;
        }

        if (type is not INamedTypeSymbol named || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return null;
        }

        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (named.AllInterfaces.Any(i => i.OriginalDefinition.Is(HttpKnownNames.IParsableOfT)
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated), plain)))
        {
            return HttpValueKind.Parsable;
        }

        HttpValueKind? found = null;
        foreach (var member in named.GetMembers("TryParse"))
        {
            if (member is not IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Arity: 0, ReturnType.SpecialType: SpecialType.System_Boolean } method
                || method.Parameters.Length is not (2 or 3)
                || method.Parameters[0] is not { RefKind: RefKind.None, Type.SpecialType: SpecialType.System_String }
                || method.Parameters[method.Parameters.Length - 1] is not { RefKind: RefKind.Out } result
                || !SymbolEqualityComparer.Default.Equals(result.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), plain))
            {
                continue;
            }

            if (method.Parameters.Length == 3)
            {
                if (method.Parameters[1] is { RefKind: RefKind.None } provider && provider.Type.Is(HttpKnownNames.IFormatProvider))
                {
                    return HttpValueKind.TryParseWithFormatProvider;
                }
            }
            else
            {
                found = HttpValueKind.TryParse;
            }
        }

        return found;
    }

    private static (HttpResultKind Result, bool NotFoundOnNull) ReadResult(IMethodSymbol method)
    {
        if (method.ReturnsVoid || method.ReturnType.Is(KnownNames.Task) || method.ReturnType.Is(KnownNames.ValueTask))
        {
            return (HttpResultKind.NoContent, false);
        }

        var result = method.ReturnType;
        if (result is INamedTypeSymbol { IsGenericType: true } named
            && (named.OriginalDefinition.Is(KnownNames.TaskOfT) || named.OriginalDefinition.Is(KnownNames.ValueTaskOfT)))
        {
            result = named.TypeArguments[0];
        }

        if (result.Is(HttpKnownNames.IHttpResult) || result.AllInterfaces.Any(i => i.Is(HttpKnownNames.IHttpResult)))
        {
            return (HttpResultKind.HttpResult, false);
        }

        return (HttpResultKind.Json, result.IsReferenceType && result.NullableAnnotation == NullableAnnotation.Annotated);
    }

    private static string? RequiredMessage(IParameterSymbol parameter) =>
        parameter.GetAttributes().FirstOrDefault(a => a.IsAttribute(HttpKnownNames.RequiredAttribute))?.NamedString("ErrorMessage");

    /// <summary>
    /// The public instance properties of a reference-type body with DataAnnotations checks. A positional record
    /// parameter's attributes without a target apply to the parameter, so a property without attributes of its own
    /// takes those of the primary constructor parameter of the same name.
    /// </summary>
    private static EquatableArray<HttpBodyPropertySpec> ReadBodyProperties(ITypeSymbol type, HttpRangeTargets? ranges)
    {
        if (!type.IsReferenceType || type is not INamedTypeSymbol named || type.SpecialType != SpecialType.None)
        {
            return default;
        }

        var primary = named.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax));
        var properties = ImmutableArray.CreateBuilder<HttpBodyPropertySpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                    || property.Type.ContainsErrors() || !seen.Add(property.Name))
                {
                    continue;
                }

                var attributes = property.GetAttributes();
                if (!attributes.Any(IsValidationAttribute) && SymbolEqualityComparer.Default.Equals(current, named)
                    && primary?.Parameters.FirstOrDefault(p => p.Name == property.Name) is { } positional
                    && SymbolEqualityComparer.Default.Equals(positional.Type, property.Type))
                {
                    attributes = positional.GetAttributes();
                }

                if (!attributes.Any(IsValidationAttribute))
                {
                    continue;
                }

                var validations = ReadPropertyValidations(attributes, property.Type, ranges?.Property(property), out var valueType);
                if (!validations.IsEmpty)
                {
                    // System.Text.Json reads [JsonPropertyName] on the property only (a record parameter needs [property: ...]).
                    var jsonName = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == JsonPropertyNameAttribute)
                        ?.ConstructorString(0);
                    properties.Add(new HttpBodyPropertySpec(property.Name, jsonName, TypeRef.From(valueType), validations.ToEquatableArray()));
                }
            }
        }

        return properties.ToEquatableArray();
    }

    private static bool IsValidationAttribute(AttributeData attribute) =>
        attribute.IsAttribute(HttpKnownNames.RequiredAttribute) || attribute.IsAttribute(HttpKnownNames.RangeAttribute)
        || attribute.IsAttribute(HttpKnownNames.StringLengthAttribute) || attribute.IsAttribute(HttpKnownNames.MinLengthAttribute)
        || attribute.IsAttribute(HttpKnownNames.MaxLengthAttribute) || attribute.IsAttribute(HttpKnownNames.RegularExpressionAttribute)
        || attribute.IsAttribute(HttpKnownNames.EmailAddressAttribute);

    /// <summary>
    /// The checks of a body property: <c>[Required]</c> first on references and nullable value types (a non-nullable
    /// value type always has a value), then the others as for parameters; lengths only on strings, arrays and lists.
    /// </summary>
    private static ImmutableArray<HttpValidationSpec> ReadPropertyValidations(
        ImmutableArray<AttributeData> attributes, ITypeSymbol type, HttpRangeTarget? range, out ITypeSymbol valueType)
    {
        valueType = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var collection = HttpCollectionKind.None;
        var isNullableValueType = false;
        if (type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            valueType = nullable.TypeArguments[0];
            isNullableValueType = true;
        }
        else if (type is IArrayTypeSymbol { Rank: 1 })
        {
            collection = HttpCollectionKind.Array;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true } list && list.OriginalDefinition.Is(HttpKnownNames.ListOfT))
        {
            collection = HttpCollectionKind.List;
        }

        var validations = ReadValidations(attributes, valueType, collection, range);
        var required = attributes.FirstOrDefault(a => a.IsAttribute(HttpKnownNames.RequiredAttribute));
        if (required is not null && (type.IsReferenceType || isNullableValueType))
        {
            validations = validations.Insert(0, new HttpValidationSpec(HttpValidationKind.Required, default, required.NamedString("ErrorMessage")));
        }

        return validations;
    }

    private static ImmutableArray<HttpValidationSpec> ReadValidations(
        ImmutableArray<AttributeData> attributes, ITypeSymbol valueType, HttpCollectionKind collection, HttpRangeTarget? range)
    {
        var isString = collection == HttpCollectionKind.None && valueType.SpecialType == SpecialType.System_String;
        var hasLength = isString || collection != HttpCollectionKind.None;
        var validations = ImmutableArray.CreateBuilder<HttpValidationSpec>();
        foreach (var attribute in attributes)
        {
            var message = attribute.NamedString("ErrorMessage");
            HttpValidationSpec? spec = null;
            if (attribute.IsAttribute(HttpKnownNames.RangeAttribute))
            {
                spec = HttpRangeReader.Read(attribute, valueType, collection, range);
            }
            else if (attribute.IsAttribute(HttpKnownNames.StringLengthAttribute) && isString
                && attribute.ConstructorArgument(0) is { Value: int maxLength })
            {
                spec = new HttpValidationSpec(HttpValidationKind.StringLength,
                    EquatableArray.Create(Int(maxLength), Int(attribute.NamedInt("MinimumLength") ?? 0)), message);
            }
            else if (attribute.IsAttribute(HttpKnownNames.MinLengthAttribute) && hasLength
                && attribute.ConstructorArgument(0) is { Value: int minLength })
            {
                spec = new HttpValidationSpec(HttpValidationKind.MinLength, EquatableArray.Create(Int(minLength)), message);
            }
            else if (attribute.IsAttribute(HttpKnownNames.MaxLengthAttribute) && hasLength
                && attribute.ConstructorArgument(0) is { Value: int maxItems and >= 0 })
            {
                spec = new HttpValidationSpec(HttpValidationKind.MaxLength, EquatableArray.Create(Int(maxItems)), message);
            }
            else if (attribute.IsAttribute(HttpKnownNames.RegularExpressionAttribute) && isString
                && attribute.ConstructorString(0) is { } pattern)
            {
                spec = new HttpValidationSpec(HttpValidationKind.RegularExpression,
                    EquatableArray.Create(SymbolDisplay.FormatLiteral(pattern, quote: true)), message);
            }
            else if (attribute.IsAttribute(HttpKnownNames.EmailAddressAttribute) && isString)
            {
                spec = new HttpValidationSpec(HttpValidationKind.EmailAddress, default, message);
            }

            if (spec is not null)
            {
                validations.Add(spec);
            }
        }

        return validations.ToImmutable();
    }

    internal static bool IsNumber(SpecialType type) => type is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Cast(string type, string literal) => "(" + type + ")(" + literal + ")";

    internal static string Number(object value) => value switch
    {
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "default",
    };

    /// <summary>The parameter's default as a C# expression of the value type, or null without one.</summary>
    private static string? FormatDefault(IParameterSymbol parameter, ITypeSymbol valueType, bool nullableValueType)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        var typeName = TypeRef.From(valueType).FullyQualifiedName;
        switch (value)
        {
            case null:
                return nullableValueType || valueType.IsReferenceType ? "null" : "default";
            case string s:
                return SymbolDisplay.FormatLiteral(s, quote: true);
            case bool b:
                return b ? "true" : "false";
            case char c:
                return SymbolDisplay.FormatLiteral(c, quote: true);
            default:
                return Cast(typeName, Number(value));
        }
    }
}
