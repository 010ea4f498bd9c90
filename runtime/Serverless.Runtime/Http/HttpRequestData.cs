using System.Text;
using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>
/// An HTTP request as API Gateway delivered it, the same for payload format 2.0 (HTTP APIs) and 1.0 (REST APIs):
/// method, path, query, headers, cookies, route values, the body (base64 already decoded) and the caller's
/// identity. Handlers may take it as a parameter; generated wrappers bind parameters from it.
/// </summary>
public sealed class HttpRequestData
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>A request (the runtime builds these from events; tests of handlers may build their own).</summary>
    public HttpRequestData(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        Path = path;
    }

    /// <summary>The payload format the event came in; the response is written in the same format.</summary>
    public HttpPayloadFormat PayloadFormat { get; init; }

    /// <summary>The HTTP method, upper case (<c>GET</c>).</summary>
    public string Method { get; }

    /// <summary>The request path (<c>rawPath</c> in 2.0, <c>path</c> in 1.0).</summary>
    public string Path { get; }

    /// <summary>The query string without <c>?</c>, as sent (2.0), or rebuilt from the parameters (1.0).</summary>
    public string RawQueryString { get; init; } = string.Empty;

    /// <summary>Query parameters; a repeated name keeps every value in order (ordinal names).</summary>
    public HttpValueCollection Query { get; init; } = new();

    /// <summary>Headers, names ignoring case. In 2.0 API Gateway has already joined repeated headers with commas.</summary>
    public HttpValueCollection Headers { get; init; } = HttpValueCollection.IgnoringCase();

    /// <summary>Request cookies by name (from <c>cookies</c> in 2.0, from the <c>Cookie</c> header in 1.0).</summary>
    public HttpValueCollection Cookies { get; init; } = new();

    /// <summary>The <c>pathParameters</c> of the event (API Gateway's match of the route).</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = Empty;

    /// <summary>
    /// The values of the route's <c>{name}</c> and <c>{name+}</c> segments: the function's router's match when it
    /// routes, the event's <c>pathParameters</c> otherwise.
    /// </summary>
    public HttpValueCollection RouteValues { get; set; } = new();

    /// <summary>The stage variables.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; init; } = Empty;

    /// <summary>The body bytes (base64 decoded when the event said so); empty when there is none.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Whether API Gateway sent the body base64 encoded (it is decoded in <see cref="Body"/>).</summary>
    public bool IsBase64Encoded { get; init; }

    /// <summary>API Gateway's request id (<c>requestContext.requestId</c>).</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>The route API Gateway matched: <c>routeKey</c> in 2.0 (<c>GET /orders/{id}</c>, <c>$default</c>), <c>resource</c> in 1.0.</summary>
    public string RouteKey { get; init; } = string.Empty;

    /// <summary>The stage name (<c>$default</c> for an HTTP API's default stage).</summary>
    public string Stage { get; init; } = string.Empty;

    /// <summary>The domain name the client called.</summary>
    public string? DomainName { get; init; }

    /// <summary>The client's IP address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The client's user agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>
    /// The caller's claims: a JWT authorizer's <c>claims</c> (2.0) or a Cognito authorizer's <c>claims</c> (1.0).
    /// Values that are not strings keep their JSON text.
    /// </summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = Empty;

    /// <summary>The JWT authorizer's scopes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>
    /// What a Lambda authorizer returned as context (2.0 <c>authorizer.lambda</c>; 1.0 the authorizer's other keys),
    /// plus an IAM authorizer's identity (2.0 <c>authorizer.iam</c>, as <c>iam.userArn</c> etc.).
    /// Values that are not strings keep their JSON text.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuthorizerContext { get; init; } = Empty;

    /// <summary>The principal a Lambda authorizer (1.0) returned, if any.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>The <c>Content-Type</c> header, if any.</summary>
    public string? ContentType => Headers["content-type"];

    /// <summary>The body as UTF-8 text.</summary>
    public string ReadBodyAsString() => Body.IsEmpty ? string.Empty : Encoding.UTF8.GetString(Body.Span);

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path;
}
