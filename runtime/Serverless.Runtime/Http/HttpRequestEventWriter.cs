using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// Turns a real HTTP request into the proxy event API Gateway would send for a route: payload format 2.0 (headers
/// lower case, repeated headers and query values joined with commas, <c>cookies</c> split out of the <c>Cookie</c>
/// header) or 1.0 (single- and multi-value maps, <c>null</c> for empty ones). Text bodies (text/*, JSON, XML,
/// form data) travel as text, anything else base64 encoded. Used by the local API server only.
/// </summary>
internal static class HttpRequestEventWriter
{
    public const string AccountId = "123456789012";
    public const string ApiId = "local";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(LocalHttpRequest request, HttpRouteDefinition route, HttpValueCollection routeValues,
        string requestId, DateTimeOffset now)
    {
        using var stream = new MemoryStream(512 + request.Body.Length * 4 / 3);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            if (route.PayloadFormat == HttpPayloadFormat.Version2)
            {
                WriteVersion2(writer, request, route, routeValues, requestId, now);
            }
            else
            {
                WriteVersion1(writer, request, route, routeValues, requestId, now);
            }
        }

        return stream.ToArray();
    }

    private static void WriteVersion2(Utf8JsonWriter writer, LocalHttpRequest request, HttpRouteDefinition route,
        HttpValueCollection routeValues, string requestId, DateTimeOffset now)
    {
        var query = new HttpValueCollection();
        HttpQueryString.Parse(request.RawQueryString, query);
        var headers = HttpValueCollection.IgnoringCase();
        var cookies = new List<string>();
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                cookies.AddRange(value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                headers.Add(name.ToLowerInvariant(), value);
            }
        }

        writer.WriteStartObject();
        writer.WriteString("version", "2.0");
        writer.WriteString("routeKey", route.ToString());
        writer.WriteString("rawPath", request.RawPath);
        writer.WriteString("rawQueryString", request.RawQueryString);
        if (cookies.Count > 0)
        {
            writer.WriteStartArray("cookies");
            foreach (var cookie in cookies)
            {
                writer.WriteStringValue(cookie);
            }

            writer.WriteEndArray();
        }

        WriteJoined(writer, "headers", headers);
        if (query.Count > 0)
        {
            WriteJoined(writer, "queryStringParameters", query);
        }

        if (routeValues.Count > 0)
        {
            WriteJoined(writer, "pathParameters", routeValues);
        }

        writer.WriteStartObject("requestContext");
        writer.WriteString("accountId", AccountId);
        writer.WriteString("apiId", ApiId);
        writer.WriteString("domainName", request.Host);
        writer.WriteString("domainPrefix", DomainPrefix(request.Host));
        writer.WriteStartObject("http");
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.RawPath);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", headers["user-agent"] ?? string.Empty);
        writer.WriteEndObject();
        writer.WriteString("requestId", requestId);
        writer.WriteString("routeKey", route.ToString());
        writer.WriteString("stage", "$default");
        writer.WriteString("time", now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        writer.WriteNumber("timeEpoch", now.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        WriteBody(writer, request);
        writer.WriteEndObject();
    }

    private static void WriteVersion1(Utf8JsonWriter writer, LocalHttpRequest request, HttpRouteDefinition route,
        HttpValueCollection routeValues, string requestId, DateTimeOffset now)
    {
        var query = new HttpValueCollection();
        HttpQueryString.Parse(request.RawQueryString, query);
        var headers = HttpValueCollection.IgnoringCase();
        foreach (var (name, value) in request.Headers)
        {
            headers.Add(name, value);
        }

        var path = Uri.UnescapeDataString(request.RawPath);
        writer.WriteStartObject();
        writer.WriteString("resource", route.Template);
        writer.WriteString("path", path);
        writer.WriteString("httpMethod", request.Method);
        WriteLast(writer, "headers", headers);
        WriteMulti(writer, "multiValueHeaders", headers);
        WriteLast(writer, "queryStringParameters", query);
        WriteMulti(writer, "multiValueQueryStringParameters", query);
        WriteLast(writer, "pathParameters", routeValues);
        writer.WriteNull("stageVariables");
        writer.WriteStartObject("requestContext");
        writer.WriteString("accountId", AccountId);
        writer.WriteString("apiId", ApiId);
        writer.WriteString("domainName", request.Host);
        writer.WriteString("domainPrefix", DomainPrefix(request.Host));
        writer.WriteString("extendedRequestId", requestId);
        writer.WriteString("httpMethod", request.Method);
        writer.WriteStartObject("identity");
        foreach (var name in (ReadOnlySpan<string>)["accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                     "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId"])
        {
            writer.WriteNull(name);
        }

        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteNull("user");
        writer.WriteString("userAgent", headers["user-agent"] ?? string.Empty);
        writer.WriteNull("userArn");
        writer.WriteEndObject();
        writer.WriteString("path", path);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteString("requestId", requestId);
        writer.WriteString("requestTime", now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        writer.WriteNumber("requestTimeEpoch", now.ToUnixTimeMilliseconds());
        writer.WriteString("resourceId", "local");
        writer.WriteString("resourcePath", route.Template);
        writer.WriteString("stage", "local");
        writer.WriteEndObject();
        WriteBody(writer, request);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, LocalHttpRequest request)
    {
        var contentType = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        // A text media type whose bytes are not UTF-8 cannot be a JSON string: it travels base64 encoded instead.
        var binary = request.Body.Length > 0 && !(IsText(contentType, request.Body) && Utf8.IsValid(request.Body));
        if (request.Body.Length == 0)
        {
            writer.WriteNull("body");
        }
        else if (binary)
        {
            writer.WriteBase64String("body", request.Body);
        }
        else
        {
            writer.WriteString("body", request.Body);
        }

        writer.WriteBoolean("isBase64Encoded", binary);
    }

    /// <summary>True for text media types, and for bodies without a content type that are valid UTF-8.</summary>
    internal static bool IsText(string? contentType, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return Utf8.IsValid(body);
        }

        var semicolon = contentType.IndexOf(';');
        return TextMediaTypes.IsText((semicolon < 0 ? contentType : contentType[..semicolon]).Trim());
    }

    private static string DomainPrefix(string host)
    {
        var dot = host.IndexOf('.');
        return dot > 0 ? host[..dot] : host;
    }

    private static void WriteJoined(Utf8JsonWriter writer, string name, HttpValueCollection values)
    {
        writer.WriteStartObject(name);
        foreach (var key in values.Names)
        {
            writer.WriteString(key, string.Join(',', values.GetValues(key)));
        }

        writer.WriteEndObject();
    }

    private static void WriteLast(Utf8JsonWriter writer, string name, HttpValueCollection values)
    {
        if (values.Count == 0)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        foreach (var key in values.Names)
        {
            writer.WriteString(key, values.GetValues(key)[^1]);
        }

        writer.WriteEndObject();
    }

    private static void WriteMulti(Utf8JsonWriter writer, string name, HttpValueCollection values)
    {
        if (values.Count == 0)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        foreach (var key in values.Names)
        {
            writer.WriteStartArray(key);
            foreach (var value in values.GetValues(key))
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
