using System;

namespace Serverless;

/// <summary>
/// Documents a response of an <see cref="HttpApiAttribute"/>/<see cref="RestApiAttribute"/> method in the app's
/// <c>openapi.json</c>, as ASP.NET Core's <c>[ProducesResponseType]</c> does: a method returning <c>IHttpResult</c>
/// decides its status and body at run time, so the build cannot see them. Apply it once per status (and content
/// type). A method returning <c>T</c> is documented as 200 (and 404 when <c>T</c> is nullable) without it; declare the
/// other statuses it returns (409, ...). The automatic 400 (binding errors) and 500 (unexpected errors) stay
/// documented; a declared 400 or 500 adds its description and content to them.
/// </summary>
/// <remarks>
/// Methods only: what a method returns is its own business. The attribute has no effect at run time and is removed
/// from trimmed and Native AOT apps.
/// </remarks>
/// <example><c>[HttpResponse(201, typeof(Product))] [HttpResponse(409, Description = "The SKU is taken")]</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class HttpResponseAttribute : Attribute
{
    /// <summary>A response without a body.</summary>
    /// <param name="statusCode">The HTTP status code (100-599).</param>
    public HttpResponseAttribute(int statusCode) => StatusCode = statusCode;

    /// <summary>A response whose body is <paramref name="type"/> (JSON unless <see cref="ContentType"/> says otherwise).</summary>
    /// <param name="statusCode">The HTTP status code (100-599).</param>
    /// <param name="type">The body's type: serialized by the app's <c>JsonSerializerContext</c>, which must list it.</param>
    public HttpResponseAttribute(int statusCode, Type type)
    {
        StatusCode = statusCode;
        Type = type;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body's type, or null without a body (or with a <see cref="ContentType"/> alone).</summary>
    public Type? Type { get; }

    /// <summary>
    /// The body's media type: <c>application/json</c> when a <see cref="Type"/> is given (<c>application/problem+json</c>
    /// for <c>HttpProblemDetails</c>). A non-JSON type documents text (<c>text/plain</c>, <c>text/csv</c>: a string) or
    /// binary content (<c>image/png</c>, or a <c>byte[]</c> type: a binary string), as <c>HttpResults.Text</c> and
    /// <c>HttpResults.Bytes</c> write it.
    /// </summary>
    public string? ContentType { get; set; }

    /// <summary>What the response means; the status's reason phrase (<c>Created</c>, <c>Conflict</c>) when not set.</summary>
    public string? Description { get; set; }
}
