using System.Security.Cryptography;

namespace HelloLambda;

/// <summary>What a webhook sender delivered, as the function received it from API Gateway.</summary>
public sealed record WebhookDelivery(
    string Source,
    string Method,
    string Path,
    string? ContentType,
    int Bytes,
    string Sha256,
    bool IsBase64Encoded,
    string? Text,
    Dictionary<string, string[]> Headers,
    Dictionary<string, string> Cookies,
    Dictionary<string, string[]> Query);

/// <summary>
/// A webhook inbox: acknowledges a delivery with what a signature check needs — the raw body's size and SHA-256 (text
/// or binary: API Gateway base64-encodes binary bodies, the request hands back the bytes), the sender's
/// <c>X-Hook-*</c> headers, cookies and query. On the HTTP API (payload 2.0) a repeated header arrives joined with
/// commas; on the REST API (payload 1.0) each value arrives on its own. Try it with <c>dotnet run -- serve</c> and
/// <c>curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg' localhost:5050/webhooks/camera</c>.
/// </summary>
[LambdaFunction(MemorySize = 256)]
[AllowAnonymous] // senders have no token; a webhook proves itself by its signature over the body
public sealed class WebhookInbox
{
    private const int MaxEchoedText = 1024;

    /// <summary>One delivery; the body may be empty (a ping).</summary>
    [HttpApi(HttpVerb.Post, "/webhooks/{source}")]
    [RestApi(HttpVerb.Post, "/v1/webhooks/{source}")]
    public static WebhookDelivery Receive(string source, HttpRequestData request)
    {
        var body = request.Body.Span;
        var headers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in request.Headers.Names.Where(n => n.StartsWith("x-hook-", StringComparison.OrdinalIgnoreCase)))
        {
            headers[name.ToLowerInvariant()] = [.. request.Headers.GetValues(name)];
        }

        var query = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in request.Query.Names)
        {
            query[name] = [.. request.Query.GetValues(name)];
        }

        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Cookies)
        {
            cookies[name] = value;
        }

        return new WebhookDelivery(source, request.Method, request.Path, request.ContentType, body.Length,
            Convert.ToHexStringLower(SHA256.HashData(body)), request.IsBase64Encoded,
            request.IsBase64Encoded || body.Length > MaxEchoedText ? null : request.ReadBodyAsString(),
            headers, cookies, query);
    }
}
