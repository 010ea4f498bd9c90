using System.Text.Json.Serialization.Metadata;

namespace Serverless.Runtime.Http;

/// <summary>The body of an <see cref="HttpResult"/>: written when the response is built.</summary>
internal abstract class HttpResultBody
{
    /// <summary>The value the body carries (for tests and logs).</summary>
    public abstract object? Value { get; }

    public abstract void Write(HttpBodyWriter body);

    /// <summary>A value serialized with source-generated metadata.</summary>
    public sealed class TypedJson<T>(T value, JsonTypeInfo<T> typeInfo) : HttpResultBody
    {
        public override object? Value => value;

        public override void Write(HttpBodyWriter body)
        {
            if (value is HttpProblemDetails problem)
            {
                body.WriteProblem(problem);
            }
            else
            {
                body.WriteJson(value, typeInfo);
            }
        }
    }

    /// <summary>A value serialized through the app's JSON options (the metadata for its declared type).</summary>
    public sealed class Json(object? value, Type type) : HttpResultBody
    {
        public override object? Value => value;

        public override void Write(HttpBodyWriter body)
        {
            if (value is HttpProblemDetails problem)
            {
                body.WriteProblem(problem);
            }
            else
            {
                body.WriteJson(value, type);
            }
        }
    }

    public sealed class Problem(HttpProblemDetails problem) : HttpResultBody
    {
        public override object? Value => problem;

        public override void Write(HttpBodyWriter body) => body.WriteProblem(problem);
    }

    public sealed class Text(string text, string? contentType) : HttpResultBody
    {
        public override object? Value => text;

        public override void Write(HttpBodyWriter body) => body.WriteText(text, contentType);
    }

    public sealed class Bytes(ReadOnlyMemory<byte> bytes, string? contentType) : HttpResultBody
    {
        public override object? Value => bytes;

        public override void Write(HttpBodyWriter body) => body.WriteBytes(bytes.Span, contentType);
    }
}
