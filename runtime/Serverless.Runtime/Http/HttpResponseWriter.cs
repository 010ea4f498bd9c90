using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// Writes an <see cref="IHttpResult"/> as the proxy response API Gateway expects.
/// 2.0: <c>{"statusCode","headers":{name: value},"cookies":[...],"body","isBase64Encoded"}</c> (a repeated header's
/// values joined with <c>", "</c>). 1.0: <c>{"statusCode","headers":{...},"multiValueHeaders":{...},"body","isBase64Encoded"}</c>,
/// single-valued headers in <c>headers</c>, repeated ones and <c>Set-Cookie</c> in <c>multiValueHeaders</c> (API
/// Gateway merges the two maps, so no header is in both). Binary bodies are base64 encoded; an empty body is omitted.
/// </summary>
internal static class HttpResponseWriter
{
    private const int KeepBufferBytes = 1024 * 1024;

    private static readonly JsonWriterOptions EnvelopeOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_body;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_envelope;

    /// <summary>The response event as UTF-8 JSON (a new array the caller owns).</summary>
    public static byte[] Write(IHttpResult result, HttpPayloadFormat format, JsonSerializerOptions? jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        var body = Rent(ref t_body);
        var envelope = Rent(ref t_envelope);
        try
        {
            var bodyWriter = new HttpBodyWriter(body, jsonOptions);
            result.WriteBody(bodyWriter);
            var headers = CollectHeaders(result, bodyWriter.ContentType);
            var cookies = result.Cookies ?? [];

            using (var writer = new Utf8JsonWriter(envelope, EnvelopeOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber("statusCode", result.StatusCode);
                if (format == HttpPayloadFormat.Version2)
                {
                    WriteVersion2Headers(writer, headers, cookies);
                }
                else
                {
                    WriteVersion1Headers(writer, headers, cookies);
                }

                if (body.WrittenCount > 0)
                {
                    if (bodyWriter.IsBase64Encoded)
                    {
                        writer.WriteBase64String("body", body.WrittenSpan);
                    }
                    else
                    {
                        writer.WriteString("body", body.WrittenSpan);
                    }
                }

                writer.WriteBoolean("isBase64Encoded", bodyWriter.IsBase64Encoded && body.WrittenCount > 0);
                writer.WriteEndObject();
            }

            return envelope.WrittenSpan.ToArray();
        }
        finally
        {
            Return(ref t_body, body);
            Return(ref t_envelope, envelope);
        }
    }

    /// <summary>Headers grouped by name (ignoring case, first spelling kept, order of first appearance).</summary>
    private static List<(string Name, List<string> Values)> CollectHeaders(IHttpResult result, string? contentType)
    {
        var grouped = new List<(string Name, List<string> Values)>();
        var hasContentType = false;
        foreach (var (name, value) in result.Headers ?? [])
        {
            hasContentType |= string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);
            var index = grouped.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                grouped.Add((name, [value]));
            }
            else
            {
                grouped[index].Values.Add(value);
            }
        }

        if (!hasContentType && contentType is not null)
        {
            grouped.Insert(0, ("Content-Type", [contentType]));
        }

        return grouped;
    }

    private static void WriteVersion2Headers(Utf8JsonWriter writer, List<(string Name, List<string> Values)> headers,
        IReadOnlyList<string> cookies)
    {
        if (headers.Count > 0)
        {
            writer.WriteStartObject("headers");
            foreach (var (name, values) in headers)
            {
                writer.WriteString(name, values.Count == 1 ? values[0] : string.Join(", ", values));
            }

            writer.WriteEndObject();
        }

        if (cookies.Count > 0)
        {
            writer.WriteStartArray("cookies");
            foreach (var cookie in cookies)
            {
                writer.WriteStringValue(cookie);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteVersion1Headers(Utf8JsonWriter writer, List<(string Name, List<string> Values)> headers,
        IReadOnlyList<string> cookies)
    {
        writer.WriteStartObject("headers");
        foreach (var (name, values) in headers)
        {
            if (values.Count == 1)
            {
                writer.WriteString(name, values[0]);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartObject("multiValueHeaders");
        foreach (var (name, values) in headers)
        {
            if (values.Count > 1)
            {
                WriteArray(writer, name, values);
            }
        }

        if (cookies.Count > 0)
        {
            WriteArray(writer, "Set-Cookie", cookies);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static ArrayBufferWriter<byte> Rent(ref ArrayBufferWriter<byte>? cached)
    {
        var buffer = cached ?? new ArrayBufferWriter<byte>(4096);
        cached = null;
        buffer.Clear();
        return buffer;
    }

    private static void Return(ref ArrayBufferWriter<byte>? cached, ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeepBufferBytes)
        {
            cached = buffer;
        }
    }
}
