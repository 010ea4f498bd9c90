using System.Text.Json.Serialization.Metadata;
using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>
/// Results for HTTP handlers. JSON values given without a <see cref="JsonTypeInfo{T}"/> are serialized by the
/// generated wrapper with the app's <c>JsonSerializerContext</c> (the metadata for the value's declared type, so the
/// type must be in the context, as for any handler return type); pass a <see cref="JsonTypeInfo{T}"/> to choose the
/// metadata yourself. <see cref="HttpProblemDetails"/> values are always written as <c>application/problem+json</c>.
/// </summary>
public static class HttpResults
{
    /// <summary>200 with no body.</summary>
    public static HttpResult Ok() => new(200);

    /// <summary>200 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult Ok<T>(T value) => new(200, JsonBody(value));

    /// <summary>200 with <paramref name="value"/> as JSON, written with <paramref name="typeInfo"/>.</summary>
    public static HttpResult Ok<T>(T value, JsonTypeInfo<T> typeInfo) => new(200, JsonBody(value, typeInfo));

    /// <summary>201 with a <c>Location</c> header (when given) and no body.</summary>
    public static HttpResult Created(string? location) => WithLocation(new HttpResult(201), location);

    /// <summary>201 with a <c>Location</c> header (when given) and <paramref name="value"/> as JSON.</summary>
    public static HttpResult Created<T>(string? location, T value) => WithLocation(new HttpResult(201, JsonBody(value)), location);

    /// <summary>201 with a <c>Location</c> header (when given) and <paramref name="value"/> as JSON.</summary>
    public static HttpResult Created<T>(string? location, T value, JsonTypeInfo<T> typeInfo) =>
        WithLocation(new HttpResult(201, JsonBody(value, typeInfo)), location);

    /// <summary>202 with a <c>Location</c> header (when given) and no body.</summary>
    public static HttpResult Accepted(string? location = null) => WithLocation(new HttpResult(202), location);

    /// <summary>202 with a <c>Location</c> header (when given) and <paramref name="value"/> as JSON.</summary>
    public static HttpResult Accepted<T>(string? location, T value) => WithLocation(new HttpResult(202, JsonBody(value)), location);

    /// <summary>202 with a <c>Location</c> header (when given) and <paramref name="value"/> as JSON.</summary>
    public static HttpResult Accepted<T>(string? location, T value, JsonTypeInfo<T> typeInfo) =>
        WithLocation(new HttpResult(202, JsonBody(value, typeInfo)), location);

    /// <summary>204, no body.</summary>
    public static HttpResult NoContent() => new(204);

    /// <summary>400 with no body.</summary>
    public static HttpResult BadRequest() => new(400);

    /// <summary>400 with <paramref name="value"/> as JSON (a problem when it is an <see cref="HttpProblemDetails"/>).</summary>
    public static HttpResult BadRequest<T>(T value) => new(400, JsonBody(value));

    /// <summary>400 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult BadRequest<T>(T value, JsonTypeInfo<T> typeInfo) => new(400, JsonBody(value, typeInfo));

    /// <summary>400 with a problem body (its type and title default to those of 400).</summary>
    public static HttpResult BadRequest(HttpProblemDetails problem) => Problem(Require(problem).WithDefaults(400));

    /// <summary>404 with no body.</summary>
    public static HttpResult NotFound() => new(404);

    /// <summary>404 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult NotFound<T>(T value) => new(404, JsonBody(value));

    /// <summary>404 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult NotFound<T>(T value, JsonTypeInfo<T> typeInfo) => new(404, JsonBody(value, typeInfo));

    /// <summary>409 with no body.</summary>
    public static HttpResult Conflict() => new(409);

    /// <summary>409 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult Conflict<T>(T value) => new(409, JsonBody(value));

    /// <summary>409 with <paramref name="value"/> as JSON.</summary>
    public static HttpResult Conflict<T>(T value, JsonTypeInfo<T> typeInfo) => new(409, JsonBody(value, typeInfo));

    /// <summary><paramref name="statusCode"/> with no body.</summary>
    public static HttpResult StatusCode(int statusCode) => new(statusCode);

    /// <summary><paramref name="statusCode"/> with <paramref name="value"/> as JSON.</summary>
    public static HttpResult Json<T>(T value, int statusCode) => new(statusCode, JsonBody(value));

    /// <summary><paramref name="statusCode"/> with <paramref name="value"/> as JSON.</summary>
    public static HttpResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = 200) => new(statusCode, JsonBody(value, typeInfo));

    /// <summary>
    /// An <c>application/problem+json</c> response. The status is <see cref="HttpProblemDetails.Status"/> (500 when
    /// unset); type and title default to the status's.
    /// </summary>
    public static HttpResult Problem(HttpProblemDetails problem)
    {
        Require(problem).WithDefaults(problem.Status ?? 500);
        return new HttpResult(problem.Status!.Value, new HttpResultBody.Problem(problem));
    }

    /// <summary>An <c>application/problem+json</c> response from its members (status 500 when not given).</summary>
    public static HttpResult Problem(string? detail = null, string? instance = null, int? statusCode = null,
        string? title = null, string? type = null, IDictionary<string, object?>? extensions = null,
        IDictionary<string, string[]>? errors = null)
    {
        var problem = new HttpProblemDetails
        {
            Detail = detail,
            Instance = instance,
            Status = statusCode,
            Title = title,
            Type = type,
        };
        if (extensions is not null)
        {
            foreach (var (name, value) in extensions)
            {
                problem.Extensions[name] = value;
            }
        }

        if (errors is not null)
        {
            foreach (var (field, messages) in errors)
            {
                problem.Errors[field] = messages;
            }
        }

        return Problem(problem);
    }

    /// <summary>
    /// 400 <c>application/problem+json</c> listing <paramref name="errors"/> (field to messages), titled
    /// "One or more validation errors occurred.".
    /// </summary>
    public static HttpResult ValidationProblem(IDictionary<string, string[]> errors, string? detail = null, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Problem(detail, instance, 400, HttpProblemDefaults.ValidationTitle, errors: errors);
    }

    /// <summary>Text with the given content type (UTF-8).</summary>
    public static HttpResult Text(string text, string contentType = HttpBodyWriter.TextContentType, int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new HttpResult(statusCode, new HttpResultBody.Text(text, contentType));
    }

    /// <summary>Binary content with the given content type, sent to API Gateway base64 encoded.</summary>
    public static HttpResult Bytes(byte[] bytes, string contentType = HttpBodyWriter.BinaryContentType, int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new HttpResult(statusCode, new HttpResultBody.Bytes(bytes, contentType));
    }

    /// <summary>
    /// A redirect to <paramref name="url"/>: 302 Found, or 301 Moved Permanently when <paramref name="permanent"/>;
    /// with <paramref name="preserveMethod"/> 307 Temporary Redirect or 308 Permanent Redirect.
    /// </summary>
    public static HttpResult Redirect(string url, bool permanent = false, bool preserveMethod = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var status = (permanent, preserveMethod) switch
        {
            (false, false) => 302,
            (true, false) => 301,
            (false, true) => 307,
            (true, true) => 308,
        };
        return new HttpResult(status).WithHeader("Location", url);
    }

    private static HttpResultBody JsonBody<T>(T value) => new HttpResultBody.Json(value, typeof(T));

    private static HttpResultBody JsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new HttpResultBody.TypedJson<T>(value, typeInfo);
    }

    private static HttpResult WithLocation(HttpResult result, string? location) =>
        string.IsNullOrEmpty(location) ? result : result.WithHeader("Location", location);

    private static HttpProblemDetails Require(HttpProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem;
    }
}
