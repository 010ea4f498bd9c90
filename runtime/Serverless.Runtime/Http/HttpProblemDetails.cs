using System.Text.Json;
using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>
/// An RFC 9457 problem (<c>application/problem+json</c>): <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>instance</c>, an <c>errors</c> map (field to messages) for validation problems, and extension members.
/// Written with a <see cref="Utf8JsonWriter"/>, so it needs nothing in the app's JSON context; extension values of
/// types other than strings, numbers, booleans, <see cref="Guid"/>, dates, string collections and
/// <see cref="JsonElement"/> go through the app's <c>JsonSerializerOptions</c>.
/// </summary>
public sealed class HttpProblemDetails
{
    /// <summary>A URI reference that identifies the problem type.</summary>
    public string? Type { get; set; }

    /// <summary>A short, human-readable summary of the problem type.</summary>
    public string? Title { get; set; }

    /// <summary>The HTTP status code (the response's, when the result does not say otherwise).</summary>
    public int? Status { get; set; }

    /// <summary>An explanation specific to this occurrence.</summary>
    public string? Detail { get; set; }

    /// <summary>A URI reference that identifies this occurrence.</summary>
    public string? Instance { get; set; }

    /// <summary>Validation errors: field name to messages. Written as <c>errors</c> when not empty.</summary>
    public IDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>Extension members, written after the standard ones.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Writes the problem as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Type is not null)
        {
            writer.WriteString("type", Type);
        }

        if (Title is not null)
        {
            writer.WriteString("title", Title);
        }

        if (Status is { } status)
        {
            writer.WriteNumber("status", status);
        }

        if (Detail is not null)
        {
            writer.WriteString("detail", Detail);
        }

        if (Instance is not null)
        {
            writer.WriteString("instance", Instance);
        }

        if (Errors.Count > 0)
        {
            writer.WriteStartObject("errors");
            foreach (var (field, messages) in Errors)
            {
                writer.WriteStartArray(field);
                foreach (var message in messages ?? [])
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        foreach (var (name, value) in Extensions)
        {
            writer.WritePropertyName(name);
            JsonValueWriter.Write(writer, value, value?.GetType() ?? typeof(object), options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Fills <see cref="Type"/> and <see cref="Title"/> from the status when they are not set.</summary>
    internal HttpProblemDetails WithDefaults(int status)
    {
        Status ??= status;
        if (HttpProblemDefaults.For(Status.Value) is { } defaults)
        {
            Type ??= defaults.Type;
            Title ??= defaults.Title;
        }

        return this;
    }
}
