using System.Text;

namespace Serverless.TestHost;

/// <summary>An invocation to hand to the app under test through <c>/invocation/next</c>.</summary>
public sealed record TestInvocation
{
    /// <summary>An invocation with a raw payload.</summary>
    public TestInvocation(byte[] payload) => Payload = payload ?? throw new ArgumentNullException(nameof(payload));

    /// <summary>An invocation with a UTF-8 payload.</summary>
    public TestInvocation(string payload)
        : this(Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload))))
    {
    }

    /// <summary>The event body.</summary>
    public byte[] Payload { get; init; }

    /// <summary><c>Lambda-Runtime-Aws-Request-Id</c>; a new GUID by default.</summary>
    public string RequestId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>
    /// <c>Lambda-Runtime-Deadline-Ms</c>. When null, the deadline is <see cref="Timeout"/> after the moment the
    /// app picks the invocation up.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The time the app gets when <see cref="Deadline"/> is null; 30 s by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:test";

    /// <summary><c>Lambda-Runtime-Trace-Id</c>, if any.</summary>
    public string? TraceId { get; init; }

    /// <summary><c>Lambda-Runtime-Client-Context</c>, if any.</summary>
    public string? ClientContext { get; init; }

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c>, if any.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>Further headers to send with the event.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
