using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Runtime;

/// <summary>Reads invocation payloads; generated wrappers call these so they stay short.</summary>
public static class LambdaPayload
{
    /// <summary>Deserializes the payload with source-generated metadata.</summary>
    /// <exception cref="LambdaSerializationException">The payload is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlyMemory<byte> payload, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            return JsonSerializer.Deserialize(payload.Span, info)!;
        }
        catch (JsonException ex)
        {
            throw new LambdaSerializationException(
                $"The payload could not be deserialized as {info.Type.Name}: {OneLine(ex.Message)}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new LambdaSerializationException(
                $"The payload could not be deserialized as {info.Type.Name}: {OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// Deserializes the payload for a parameter that does not accept null: a JSON <c>null</c> payload is the
    /// caller's mistake, reported as such instead of reaching the handler.
    /// </summary>
    /// <exception cref="LambdaSerializationException">The payload is not valid JSON for <typeparamref name="T"/>, or is null.</exception>
    public static T DeserializeRequired<T>(ReadOnlyMemory<byte> payload, JsonTypeInfo<T> info)
    {
        var value = Deserialize(payload, info);
        if (value is null)
        {
            throw new LambdaSerializationException($"The payload is null, but the handler's {info.Type.Name} parameter does not accept null.");
        }

        return value;
    }

    /// <summary>The payload as UTF-8 text.</summary>
    public static string ReadString(ReadOnlyMemory<byte> payload) => Encoding.UTF8.GetString(payload.Span);

    /// <summary>A read-only stream over the payload (no copy when the payload is array-backed).</summary>
    public static Stream OpenStream(ReadOnlyMemory<byte> payload)
    {
        if (MemoryMarshal.TryGetArray(payload, out var segment) && segment.Array is not null)
        {
            return new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false);
        }

        return new MemoryStream(payload.ToArray(), writable: false);
    }

    /// <summary>The payload parsed as a <see cref="JsonElement"/> that outlives the payload buffer.</summary>
    /// <exception cref="LambdaSerializationException">The payload is not valid JSON.</exception>
    public static JsonElement ReadJsonElement(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new LambdaSerializationException($"The payload is not valid JSON: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message) =>
        message.Contains('\n') ? message.ReplaceLineEndings(" ") : message;
}
