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
    EquatableArray<JsonSchemaDefinition> Definitions);

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
