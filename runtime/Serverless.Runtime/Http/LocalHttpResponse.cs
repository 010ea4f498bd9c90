using System.Text;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// A proxy response event read back into status, headers, cookies and body, the way API Gateway reads it
/// (local API server only). 2.0 without a <c>statusCode</c>: API Gateway's inference (200, JSON, the output as
/// the body). 1.0 without one: 502 <c>{"message": "Internal server error"}</c>.
/// </summary>
internal sealed record LocalHttpResponse(int StatusCode, List<KeyValuePair<string, string>> Headers, List<string> Cookies, byte[] Body)
{
    public static LocalHttpResponse Read(ReadOnlyMemory<byte> json, HttpPayloadFormat format)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return format == HttpPayloadFormat.Version2 && json.Length > 0
                ? Inferred(json)
                : GatewayError(format);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var status) ||
                !TryGetStatus(status, out var statusCode))
            {
                return format == HttpPayloadFormat.Version2 ? Inferred(json) : GatewayError(format);
            }

            var headers = new List<KeyValuePair<string, string>>();
            var cookies = new List<string>();
            if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in single.EnumerateObject())
                {
                    Add(header.Name, Text(header.Value), headers, cookies);
                }
            }

            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in multi.EnumerateObject())
                {
                    if (header.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var value in header.Value.EnumerateArray())
                        {
                            Add(header.Name, Text(value), headers, cookies);
                        }
                    }
                }
            }

            if (root.TryGetProperty("cookies", out var cookieArray) && cookieArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var cookie in cookieArray.EnumerateArray())
                {
                    cookies.Add(Text(cookie));
                }
            }

            var body = Array.Empty<byte>();
            if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.String)
            {
                var isBase64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
                body = isBase64 ? bodyElement.GetBytesFromBase64() : Encoding.UTF8.GetBytes(bodyElement.GetString()!);
            }

            return new LocalHttpResponse(statusCode, headers, cookies, body);
        }
    }

    /// <summary>What API Gateway answers when the integration fails.</summary>
    public static LocalHttpResponse GatewayError(HttpPayloadFormat format) => format == HttpPayloadFormat.Version2
        ? Message(500, "Internal Server Error")
        : Message(502, "Internal server error");

    /// <summary>API Gateway's own answer: <c>{"message": "..."}</c>.</summary>
    public static LocalHttpResponse Message(int statusCode, string message) => new(statusCode,
        [new("Content-Type", "application/json")], [], Encoding.UTF8.GetBytes("{\"message\":\"" + message + "\"}"));

    private static LocalHttpResponse Inferred(ReadOnlyMemory<byte> json) =>
        new(200, [new("Content-Type", "application/json")], [], json.ToArray());

    private static bool TryGetStatus(JsonElement status, out int statusCode)
    {
        statusCode = 0;
        return status.ValueKind switch
        {
            JsonValueKind.Number => status.TryGetInt32(out statusCode),
            JsonValueKind.String => int.TryParse(status.GetString(), out statusCode),
            _ => false,
        } && statusCode is >= 100 and <= 599;
    }

    private static void Add(string name, string value, List<KeyValuePair<string, string>> headers, List<string> cookies)
    {
        if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            cookies.Add(value);
        }
        else
        {
            headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
