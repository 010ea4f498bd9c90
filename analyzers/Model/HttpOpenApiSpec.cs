namespace Serverless.Analyzers.Model;

/// <summary>
/// What the OpenAPI document says about an HTTP endpoint beyond its routes: the JSON schemas of its parameters, body
/// and result, and the definitions they reference. Read by <see cref="HttpOpenApiReader"/> in the generator's parser.
/// </summary>
/// <param name="Parameters">The route, query and header parameters, in the method's order.</param>
/// <param name="Body">The request body, or null without one.</param>
/// <param name="Result">The schema of a JSON result (200), or null for no content and <c>IHttpResult</c>.</param>
/// <param name="Definitions">The named schemas the above reference, each type once.</param>
public sealed record HttpOpenApiSpec(
    EquatableArray<HttpOpenApiParameterSpec> Parameters,
    HttpOpenApiBodySpec? Body,
    JsonSchemaSpec? Result,
    EquatableArray<JsonSchemaDefinition> Definitions)
{
    /// <summary>The responses declared with <c>[HttpResponse]</c>, in the order of <see cref="HttpSpec.Responses"/>.</summary>
    public EquatableArray<HttpOpenApiResponseSpec> Responses { get; init; }
}

/// <summary>A route, query or header parameter.</summary>
/// <param name="Name">The name in the request (the route value, query key or header name).</param>
/// <param name="Source">Route, query or header.</param>
/// <param name="Required">Whether a request without it gets a 400.</param>
/// <param name="Schema">Its value's schema with the DataAnnotations constraints and the default.</param>
public sealed record HttpOpenApiParameterSpec(string Name, HttpBindingSource Source, bool Required, JsonSchemaSpec Schema);

/// <summary>The JSON request body.</summary>
/// <param name="Required">Whether a request without a body gets a 400.</param>
/// <param name="Schema">The body's schema.</param>
public sealed record HttpOpenApiBodySpec(bool Required, JsonSchemaSpec Schema);

/// <summary>A declared response (<c>[HttpResponse]</c>).</summary>
/// <param name="StatusCode">The status code (100-599).</param>
/// <param name="Description">The declared description, or null for the reason phrase.</param>
/// <param name="ContentType">The body's media type, or null without a body.</param>
/// <param name="Schema">
/// The body's schema: the type's (JSON), a string (text), a binary string (other media types); null for
/// <c>HttpProblemDetails</c>, whose schema is the shared problem component.
/// </param>
public sealed record HttpOpenApiResponseSpec(int StatusCode, string? Description, string? ContentType, JsonSchemaSpec? Schema);
