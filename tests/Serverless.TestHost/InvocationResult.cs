using System.Text;

namespace Serverless.TestHost;

/// <summary>What the app posted for an invocation: its response or its error.</summary>
public sealed record InvocationResult
{
    /// <summary>The request ID.</summary>
    public required string RequestId { get; init; }

    /// <summary>True when the app posted to <c>/invocation/{id}/error</c>.</summary>
    public required bool IsError { get; init; }

    /// <summary>The posted body (the response, or the error JSON).</summary>
    public required byte[] Body { get; init; }

    /// <summary>The <c>Lambda-Runtime-Function-Error-Type</c> header of an error.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The <c>Content-Type</c> the app sent, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the app picked the invocation up.</summary>
    public long DeliveredTimestamp { get; init; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the host received the result.</summary>
    public long ReceivedTimestamp { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The time between delivering the event and receiving the result.</summary>
    public TimeSpan Duration => System.Diagnostics.Stopwatch.GetElapsedTime(DeliveredTimestamp, ReceivedTimestamp);

    /// <inheritdoc />
    public override string ToString() => $"{(IsError ? "error " + ErrorType : "response")} {RequestId}: {BodyText}";
}

/// <summary>What the app posted to <c>/init/error</c>.</summary>
/// <param name="Body">The error JSON.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
/// <param name="ReceivedTimestamp"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when it arrived.</param>
public sealed record InitErrorReport(byte[] Body, string? ErrorType, long ReceivedTimestamp)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
