using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

public sealed record NewOrder(string Product, int Quantity, string? Email = null);

public sealed record Order(Guid Id, string Product, int Quantity);

public enum Color
{
    Red,
    Green,
    DarkBlue,
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NewOrder))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
internal sealed partial class HttpTestJson : JsonSerializerContext;

/// <summary>Events, invocations and rendered responses for the HTTP tests.</summary>
internal static class HttpTestKit
{
    public const string LambdaRequestId = "lambda-request-1";

    public static byte[] Event(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Events", name));

    public static LambdaInvocation Invocation(byte[] payload, CapturedStream? logs = null)
    {
        var log = new LambdaLogWriter(logs ?? new CapturedStream(), LambdaLogLevel.Trace);
        var definition = new LambdaFunctionDefinition("Http", _ => _ => default);
        var context = new LambdaContext(LambdaFunctionInfo.ForLocalRun(definition), log, LambdaRequestId,
            DateTimeOffset.UtcNow.AddSeconds(30), "arn:aws:lambda:local:000000000000:function:Http");
        return new LambdaInvocation(payload, context, EmptyServiceProvider.Instance);
    }

    /// <summary>A 2.0 event with the fields a route needs.</summary>
    public static byte[] V2(string method, string path, string query = "", string? body = null,
        string routeKey = "$default", string stage = "$default", IDictionary<string, string>? headers = null,
        IDictionary<string, string>? pathParameters = null, bool base64 = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("routeKey", routeKey);
            w.WriteString("rawPath", path);
            w.WriteString("rawQueryString", query);
            w.WriteStartObject("headers");
            foreach (var (k, v) in headers ?? new Dictionary<string, string>())
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            if (pathParameters is not null)
            {
                w.WriteStartObject("pathParameters");
                foreach (var (k, v) in pathParameters)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            w.WriteStartObject("requestContext");
            w.WriteStartObject("http");
            w.WriteString("method", method);
            w.WriteString("path", path);
            w.WriteEndObject();
            w.WriteString("requestId", "apigw-1");
            w.WriteString("routeKey", routeKey);
            w.WriteString("stage", stage);
            w.WriteEndObject();
            if (body is not null)
            {
                w.WriteString("body", base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body);
            }

            w.WriteBoolean("isBase64Encoded", base64);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>A 1.0 (REST) event.</summary>
    public static byte[] V1(string method, string path, string resource, string? body = null,
        IDictionary<string, string[]>? query = null, IDictionary<string, string>? pathParameters = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("resource", resource);
            w.WriteString("path", path);
            w.WriteString("httpMethod", method);
            w.WriteNull("headers");
            w.WriteNull("multiValueHeaders");
            if (query is null)
            {
                w.WriteNull("multiValueQueryStringParameters");
            }
            else
            {
                w.WriteStartObject("multiValueQueryStringParameters");
                foreach (var (k, v) in query)
                {
                    w.WriteStartArray(k);
                    foreach (var item in v)
                    {
                        w.WriteStringValue(item);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            if (pathParameters is null)
            {
                w.WriteNull("pathParameters");
            }
            else
            {
                w.WriteStartObject("pathParameters");
                foreach (var (k, v) in pathParameters)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            w.WriteStartObject("requestContext");
            w.WriteString("requestId", "apigw-1");
            w.WriteString("stage", "Prod");
            w.WriteEndObject();
            if (body is null)
            {
                w.WriteNull("body");
            }
            else
            {
                w.WriteString("body", body);
            }

            w.WriteBoolean("isBase64Encoded", false);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static HttpRequestData Request(byte[] payload) => HttpEventReader.Read(payload);

    /// <summary>The response event of <paramref name="result"/>, parsed.</summary>
    public static JsonElement Render(IHttpResult result, HttpPayloadFormat format = HttpPayloadFormat.Version2,
        JsonSerializerOptions? options = null) =>
        JsonDocument.Parse(HttpResponseWriter.Write(result, format, options ?? HttpTestJson.Default.Options)).RootElement;

    public static JsonElement Parse(LambdaResponse response)
    {
        System.Text.Json.Utf8JsonWriter? writer = null;
        var bytes = response.GetBytes(new System.Buffers.ArrayBufferWriter<byte>(), ref writer);
        writer?.Dispose();
        return JsonDocument.Parse(bytes.ToArray()).RootElement;
    }

    /// <summary>The body of a response event as a parsed JSON document.</summary>
    public static JsonElement Body(JsonElement response) => JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
}
