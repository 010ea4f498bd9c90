using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Runtime;

/// <summary>
/// The body a handler returns. JSON values are serialized when the response is sent, straight into a buffer
/// the bootstrap reuses across invocations.
/// </summary>
public readonly struct LambdaResponse
{
    private readonly ResponseBody? _body;
    private readonly ReadOnlyMemory<byte> _bytes;

    private LambdaResponse(ResponseBody? body, ReadOnlyMemory<byte> bytes)
    {
        _body = body;
        _bytes = bytes;
    }

    /// <summary>An empty body (handlers returning <c>void</c>, <c>Task</c> or <c>ValueTask</c>).</summary>
    public static LambdaResponse Empty => default;

    /// <summary>A value serialized as JSON with source-generated metadata.</summary>
    public static LambdaResponse FromJson<T>(T value, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new LambdaResponse(new JsonBody<T>(value, info), default);
    }

    /// <summary>Raw bytes, sent as they are.</summary>
    public static LambdaResponse FromUtf8(ReadOnlyMemory<byte> bytes) => new(null, bytes);

    /// <summary>A raw stream, sent as it is and disposed after sending.</summary>
    public static LambdaResponse FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new LambdaResponse(new StreamBody(stream), default);
    }

    /// <summary>The stream of a <see cref="FromStream"/> response, or null.</summary>
    internal Stream? Stream => (_body as StreamBody)?.Stream;

    /// <summary>
    /// The body as bytes: serialized into <paramref name="buffer"/> for JSON values, the given bytes otherwise.
    /// Not for stream responses (see <see cref="Stream"/>).
    /// </summary>
    internal ReadOnlyMemory<byte> GetBytes(ArrayBufferWriter<byte> buffer, ref Utf8JsonWriter? writer)
    {
        switch (_body)
        {
            case null:
                return _bytes;
            case StreamBody:
                throw new InvalidOperationException("A stream response has no buffered body.");
            default:
                buffer.Clear();
                if (writer is null)
                {
                    writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
                }
                else
                {
                    writer.Reset(buffer);
                }

                _body.Write(writer);
                writer.Flush();
                return buffer.WrittenMemory;
        }
    }

    /// <summary>Disposes what the response owns (the stream of a stream response).</summary>
    internal void Dispose() => (_body as StreamBody)?.Stream.Dispose();

    private abstract class ResponseBody
    {
        public abstract void Write(Utf8JsonWriter writer);
    }

    private sealed class JsonBody<T>(T value, JsonTypeInfo<T> info) : ResponseBody
    {
        public override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, value, info);
    }

    private sealed class StreamBody(Stream stream) : ResponseBody
    {
        public Stream Stream { get; } = stream;

        public override void Write(Utf8JsonWriter writer) => throw new InvalidOperationException();
    }
}
