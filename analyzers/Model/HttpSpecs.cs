using System.Collections.Generic;
using System.Linq;

namespace Serverless.Analyzers.Model;

/// <summary>Which API Gateway API a route belongs to.</summary>
public enum HttpApiKind
{
    /// <summary><c>[HttpApi]</c>: an HTTP API, payload format 2.0 (SAM event type <c>HttpApi</c>).</summary>
    HttpApi,

    /// <summary><c>[RestApi]</c>: a REST API, payload format 1.0 (SAM event type <c>Api</c>).</summary>
    RestApi,
}

/// <summary>
/// One <c>[HttpApi]</c>/<c>[RestApi]</c> route of a function.
/// </summary>
/// <param name="Method">The upper-case method (<c>GET</c>, ..., <c>ANY</c>).</param>
/// <param name="Template">The route template as written (<c>/orders/{id}</c>, greedy <c>/files/{proxy+}</c>).</param>
/// <param name="Api">The API kind.</param>
/// <param name="Parameters">The template's parameter names in order (without braces and <c>+</c>).</param>
public sealed record HttpRouteSpec(string Method, string Template, HttpApiKind Api, EquatableArray<string> Parameters)
{
    /// <summary>
    /// What the route's method or class declares about auth (<c>[Authorize]</c>/<c>[AllowAnonymous]</c>); null leaves
    /// it to the assembly's <c>[Authorize]</c>. <see cref="RouteAuthDeclaration.Resolve"/> gives the effective requirement.
    /// </summary>
    public RouteAuthDeclaration? Auth { get; init; }
}

/// <summary>Where an HTTP handler parameter's value comes from.</summary>
public enum HttpBindingSource
{
    /// <summary>A route value (<c>[FromRoute]</c>, or a name of the route template).</summary>
    Route,
    /// <summary>The query string (<c>[FromQuery]</c>, or a simple type not in the route).</summary>
    Query,
    /// <summary>A header (<c>[FromHeader]</c>).</summary>
    Header,
    /// <summary>The JSON body (<c>[FromBody]</c>, or a complex type).</summary>
    Body,
    /// <summary>The whole request (<c>HttpRequestData</c>).</summary>
    Request,
}

/// <summary>How a route, query or header value is parsed.</summary>
public enum HttpValueKind
{
    /// <summary>Through <c>IParsable&lt;T&gt;</c> (string, bool, numbers, Guid, dates, user types).</summary>
    Parsable,
    /// <summary>An enum, by name ignoring case.</summary>
    Enum,
    /// <summary>JSON through the app's context (the body).</summary>
    Json,
    /// <summary>Not parsed (the request itself).</summary>
    None,
    /// <summary>
    /// A type without <c>IParsable&lt;T&gt;</c> that has a public static <c>bool TryParse(string, out T)</c>; the
    /// wrapper calls it directly.
    /// </summary>
    TryParse,
    /// <summary>
    /// A type without <c>IParsable&lt;T&gt;</c> that has a public static
    /// <c>bool TryParse(string, IFormatProvider, out T)</c>; the wrapper calls it with the invariant culture.
    /// </summary>
    TryParseWithFormatProvider,
}

/// <summary>Whether a value is one item or a collection of repeated/comma-separated values.</summary>
public enum HttpCollectionKind
{
    /// <summary>One value.</summary>
    None,
    /// <summary><c>T[]</c> (also for <c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, ...).</summary>
    Array,
    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,
}

/// <summary>A DataAnnotations attribute the generated wrapper checks.</summary>
public enum HttpValidationKind
{
    /// <summary><c>[Required]</c> (strings: not null or white space; nullable value types: has a value).</summary>
    Required,
    /// <summary>
    /// <c>[Range(min, max)]</c>; arguments min, max (typed C# expressions). <c>[Range(typeof(T), "min", "max")]</c>
    /// adds the bounds as written (C# string literals) for the message: min, max, minText, maxText.
    /// </summary>
    Range,
    /// <summary><c>[StringLength(max, MinimumLength = min)]</c>; arguments max, min.</summary>
    StringLength,
    /// <summary><c>[MinLength(n)]</c>; argument n.</summary>
    MinLength,
    /// <summary><c>[MaxLength(n)]</c>; argument n.</summary>
    MaxLength,
    /// <summary><c>[RegularExpression(pattern)]</c>; argument the pattern as a C# string literal.</summary>
    RegularExpression,
    /// <summary><c>[EmailAddress]</c>.</summary>
    EmailAddress,
}

/// <summary>One validation of a parameter.</summary>
/// <param name="Kind">The attribute.</param>
/// <param name="Arguments">Its arguments as C# expressions, in the order of <see cref="HttpValidationKind"/>'s docs.</param>
/// <param name="Message">The attribute's <c>ErrorMessage</c>, when set.</param>
public sealed record HttpValidationSpec(HttpValidationKind Kind, EquatableArray<string> Arguments, string? Message)
{
    /// <summary><c>[Range(..., MinimumIsExclusive = true)]</c>: the minimum itself fails.</summary>
    public bool MinimumIsExclusive { get; init; }

    /// <summary><c>[Range(..., MaximumIsExclusive = true)]</c>: the maximum itself fails.</summary>
    public bool MaximumIsExclusive { get; init; }

    /// <summary>
    /// A numeric <c>[Range]</c>: the type the value is compared in when not its own (a C# keyword). DataAnnotations
    /// converts the value to the bounds' type, so <c>[Range(0, 300)]</c> on a byte compares in <c>long</c> and
    /// <c>[Range(0.5, 9.5)]</c> on an int in <c>double</c>: the bounds never need to fit the value's type.
    /// </summary>
    public string? OperandType { get; init; }
}

/// <summary>A public instance property of a <c>[FromBody]</c> type with DataAnnotations checks.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The <c>[JsonPropertyName]</c>, when set (else the context's naming policy applies at run time).</param>
/// <param name="ValueType">The property's type, or its underlying type when it is a nullable value type.</param>
/// <param name="Validations">The checks, in declaration order.</param>
public sealed record HttpBodyPropertySpec(string Name, string? JsonName, TypeRef ValueType, EquatableArray<HttpValidationSpec> Validations);

/// <summary>A handler parameter bound from the HTTP request.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="FieldName">The name in the request (route/query/header name; <c>body</c> for the body) and the error key.</param>
/// <param name="Type">The parameter's type.</param>
/// <param name="ValueType">What is parsed: the element type of a collection, the underlying type of a nullable value type, else <paramref name="Type"/>.</param>
/// <param name="ValueKind">How <paramref name="ValueType"/> is parsed.</param>
/// <param name="Collection">One value or a collection.</param>
/// <param name="IsNullableValueType">Whether <paramref name="Type"/> is <c>T?</c> of a value type.</param>
/// <param name="IsReferenceValue">Whether <paramref name="ValueType"/> is a reference type (binding then returns <c>T?</c>).</param>
/// <param name="IsNullable">Whether null is a valid value (nullable annotation or nullable value type).</param>
/// <param name="IsRequired">Whether binding records "required" when the value is absent.</param>
/// <param name="DefaultValue">The parameter's default as a C# expression, when it has one.</param>
/// <param name="Validations">The DataAnnotations checks, in declaration order.</param>
public sealed record HttpParameterSpec(
    string Name,
    HttpBindingSource Source,
    string FieldName,
    TypeRef Type,
    TypeRef ValueType,
    HttpValueKind ValueKind,
    HttpCollectionKind Collection,
    bool IsNullableValueType,
    bool IsReferenceValue,
    bool IsNullable,
    bool IsRequired,
    string? DefaultValue,
    EquatableArray<HttpValidationSpec> Validations)
{
    /// <summary>For a body of a reference type: its properties with DataAnnotations checks, in declaration order.</summary>
    public EquatableArray<HttpBodyPropertySpec> BodyProperties { get; init; }
}

/// <summary>How the handler's result becomes the HTTP response.</summary>
public enum HttpResultKind
{
    /// <summary><c>void</c>, <c>Task</c>, <c>ValueTask</c>: 204.</summary>
    NoContent,
    /// <summary>An <c>IHttpResult</c> (or a type implementing it): returned as is.</summary>
    HttpResult,
    /// <summary>Any other <c>T</c>: 200 JSON; null from a nullable reference: 404.</summary>
    Json,
}

/// <summary>The HTTP part of a function with <c>[HttpApi]</c>/<c>[RestApi]</c> routes.</summary>
/// <param name="Routes">The routes, in declaration order.</param>
/// <param name="Parameters">The parameters bound from the request (kind <see cref="ParameterKind.Http"/>), in order.</param>
/// <param name="Result">How the result is returned.</param>
/// <param name="NotFoundOnNull">Whether a null result (nullable reference return) is a 404.</param>
public sealed record HttpSpec(
    EquatableArray<HttpRouteSpec> Routes,
    EquatableArray<HttpParameterSpec> Parameters,
    HttpResultKind Result,
    bool NotFoundOnNull)
{
    /// <summary>The parameter spec for a handler parameter of kind <see cref="ParameterKind.Http"/>.</summary>
    public HttpParameterSpec? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The responses declared with <c>[HttpResponse]</c>, in declaration order (valid statuses, each status and media type once).</summary>
    public EquatableArray<HttpResponseSpec> Responses { get; init; }

    /// <summary>The schemas the OpenAPI document needs (read by the generator's parser only; null in the analyzers).</summary>
    public HttpOpenApiSpec? OpenApi { get; init; }

    /// <summary>The body types (what goes through JSON on the way in).</summary>
    public IEnumerable<TypeRef> BodyTypes => Parameters.Where(p => p.Source == HttpBindingSource.Body).Select(p => p.ValueType);
}

/// <summary>What <see cref="HttpReader.Read(Microsoft.CodeAnalysis.IMethodSymbol, bool, System.Threading.CancellationToken)"/> found.</summary>
/// <param name="Spec">The HTTP part, or null when it cannot be generated.</param>
/// <param name="Diagnostics">Why not, and warnings (SLS3001-SLS3006).</param>
/// <param name="RouteLocations">Where each route template of <paramref name="Spec"/> is written (empty without locations).</param>
public sealed record HttpReadResult(HttpSpec? Spec, System.Collections.Immutable.ImmutableArray<ModelDiagnostic> Diagnostics, EquatableArray<LocationInfo> RouteLocations)
{
    /// <summary>Each route's <c>[HttpApi]</c>/<c>[RestApi]</c> attribute (without brackets), parallel to <see cref="RouteLocations"/>.</summary>
    public EquatableArray<LocationInfo> RouteAttributes { get; init; }

    /// <summary>Each <c>[HttpResponse]</c> of <see cref="HttpSpec.Responses"/> (the attribute, without brackets), in its order; empty without locations.</summary>
    public EquatableArray<LocationInfo> ResponseLocations { get; init; }
}
