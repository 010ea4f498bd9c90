using System.Reflection;
using System.Text.Json;

namespace Serverless.Runtime;

/// <summary>
/// An error in the shape Lambda expects: <c>{"errorType","errorMessage","stackTrace":[...]}</c>.
/// The exception is unwrapped first (a <see cref="TargetInvocationException"/> or an
/// <see cref="AggregateException"/> with one inner exception reports that inner exception).
/// </summary>
internal sealed class ErrorReport
{
    public ErrorReport(string errorType, string errorMessage, IReadOnlyList<string> stackTrace)
    {
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        StackTrace = stackTrace;
    }

    /// <summary>The exception's short type name, or a <c>Runtime.*</c> name for the runtime's own errors.</summary>
    public string ErrorType { get; }

    public string ErrorMessage { get; }

    public IReadOnlyList<string> StackTrace { get; }

    /// <summary>
    /// Describes <paramref name="exception"/>. A <see cref="LambdaSerializationException"/> is the caller's
    /// mistake: its stack trace is left empty unless <paramref name="includeStackTrace"/> asks for details (logs).
    /// </summary>
    public static ErrorReport FromException(Exception exception, bool includeStackTrace = false)
    {
        var error = Unwrap(exception);
        var frames = new List<string>();
        if (includeStackTrace || error is not LambdaSerializationException)
        {
            AddFrames(frames, error);
            AddCauses(frames, error, depth: 0);
        }

        return new ErrorReport(error.GetType().Name, error.Message, frames);
    }

    /// <summary>The exception that says what went wrong, without reflection or task wrappers around it.</summary>
    public static Exception Unwrap(Exception exception)
    {
        var current = exception;
        for (var i = 0; i < 16; i++)
        {
            switch (current)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    current = inner;
                    continue;
                case AggregateException aggregate:
                    var flat = aggregate.Flatten();
                    if (flat.InnerExceptions.Count == 1)
                    {
                        current = flat.InnerExceptions[0];
                        continue;
                    }

                    return flat;
            }

            break;
        }

        return current;
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteProperties(writer);
        writer.WriteEndObject();
    }

    public void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("errorType", ErrorType);
        writer.WriteString("errorMessage", ErrorMessage);
        writer.WriteStartArray("stackTrace");
        foreach (var frame in StackTrace)
        {
            writer.WriteStringValue(frame);
        }

        writer.WriteEndArray();
    }

    private static void AddCauses(List<string> frames, Exception exception, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        IEnumerable<Exception> causes = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } inner ? [inner] : [];
        foreach (var cause in causes)
        {
            frames.Add($"--- Caused by {cause.GetType().FullName}: {OneLine(cause.Message)} ---");
            AddFrames(frames, cause);
            AddCauses(frames, cause, depth + 1);
        }
    }

    private static void AddFrames(List<string> frames, Exception exception)
    {
        var trace = exception.StackTrace;
        if (string.IsNullOrEmpty(trace))
        {
            return;
        }

        foreach (var line in trace.AsSpan().EnumerateLines())
        {
            var frame = line.Trim();
            if (!frame.IsEmpty)
            {
                frames.Add(frame.ToString());
            }
        }
    }

    private static string OneLine(string message) =>
        message.Contains('\n') ? message.ReplaceLineEndings(" ") : message;
}
