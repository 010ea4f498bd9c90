namespace Serverless.Analyzers.Model;

/// <summary>
/// A response an HTTP method declares with <c>[HttpResponse]</c> (read by <see cref="HttpResponseReader"/>): a valid
/// status (100-599), its body's type and media type, and what it means.
/// </summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Type">The body's type, or null without one (or with a media type alone).</param>
/// <param name="ContentType">The body's media type (resolved: <c>application/json</c> for a type), or null without a body.</param>
/// <param name="Description">The declared description, or null for the status's reason phrase.</param>
public sealed record HttpResponseSpec(int StatusCode, TypeRef? Type, string? ContentType, string? Description)
{
    /// <summary>Whether the body is JSON written with the app's JSON context (a type in a JSON media type, not a problem).</summary>
    public bool IsContextJson => Type is not null && HttpResponseReader.IsJson(ContentType)
        && Type.FullyQualifiedName != "global::" + HttpKnownNames.HttpProblemDetails;
}
