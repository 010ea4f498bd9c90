using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>
/// Where an <see cref="IHttpResult"/> writes its body: bytes, text or JSON, and the content type. The runtime puts
/// the bytes in the response event (base64 encoded when <see cref="IsBase64Encoded"/> is set).
/// </summary>
public sealed class HttpBodyWriter
{
    /// <summary><c>application/json; charset=utf-8</c>.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary><c>text/plain; charset=utf-8</c>.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary><c>application/octet-stream</c>.</summary>
    public const string BinaryContentType = "application/octet-stream";

    private readonly ArrayBufferWriter<byte> _buffer;

    internal HttpBodyWriter(ArrayBufferWriter<byte> buffer, JsonSerializerOptions? jsonOptions)
    {
        _buffer = buffer;
        JsonOptions = jsonOptions;
    }

    /// <summary>The app's JSON options (a source-generated context's <c>Options</c>), when the wrapper passed them.</summary>
    public JsonSerializerOptions? JsonOptions { get; }

    /// <summary>The body's <c>Content-Type</c>; null for none.</summary>
    public string? ContentType { get; set; }

    /// <summary>True when the body is binary: API Gateway receives it base64 encoded and decodes it for the client.</summary>
    public bool IsBase64Encoded { get; set; }

    /// <summary>The bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The raw output, for writers that produce bytes themselves.</summary>
    public IBufferWriter<byte> Output => _buffer;

    /// <summary>Appends raw bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>Appends UTF-8 text and sets the content type.</summary>
    public void WriteText(string text, string? contentType = TextContentType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _buffer.Advance(Encoding.UTF8.GetBytes(text, span));
        ContentType = contentType;
    }

    /// <summary>Appends binary content (sent base64 encoded) and sets the content type.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes, string? contentType = BinaryContentType)
    {
        _buffer.Write(bytes);
        ContentType = contentType;
        IsBase64Encoded = true;
    }

    /// <summary>Writes <paramref name="value"/> as JSON with source-generated metadata.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo, string? contentType = JsonContentType)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using (var writer = CreateJsonWriter(typeInfo.Options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        ContentType = contentType;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as JSON: strings, numbers, booleans, dates and <see cref="Guid"/> directly,
    /// anything else with the metadata <see cref="JsonOptions"/> has for <paramref name="type"/> (its runtime type when
    /// <paramref name="type"/> is <see cref="object"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">There are no JSON options for a type that needs them.</exception>
    /// <exception cref="NotSupportedException">The app's JSON context lacks the type.</exception>
    public void WriteJson(object? value, Type type, string? contentType = JsonContentType)
    {
        ArgumentNullException.ThrowIfNull(type);
        using (var writer = CreateJsonWriter(JsonOptions))
        {
            JsonValueWriter.Write(writer, value, type, JsonOptions);
        }

        ContentType = contentType;
    }

    /// <summary>Writes an <c>application/problem+json</c> body.</summary>
    public void WriteProblem(HttpProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using (var writer = CreateJsonWriter(JsonOptions))
        {
            problem.WriteTo(writer, JsonOptions);
        }

        ContentType = HttpProblemDefaults.ProblemJson;
    }

    private Utf8JsonWriter CreateJsonWriter(JsonSerializerOptions? options) => new(_buffer, new JsonWriterOptions
    {
        Encoder = options?.Encoder,
        Indented = options?.WriteIndented ?? false,
        MaxDepth = options?.MaxDepth ?? 0,
        SkipValidation = false,
    });
}
