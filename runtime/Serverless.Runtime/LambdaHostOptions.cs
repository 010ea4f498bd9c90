namespace Serverless.Runtime;

/// <summary>What <see cref="LambdaHost"/> talks to: the environment, the standard streams and the network.
/// The console's by default; tests replace them.</summary>
internal sealed class LambdaHostOptions
{
    public LambdaEnvironment Environment { get; init; } = LambdaEnvironment.Process;

    /// <summary>Responses of the local tool and, in Lambda, the log lines.</summary>
    public required Stream Stdout { get; init; }

    /// <summary>Messages and logs of the local tool.</summary>
    public required Stream Stderr { get; init; }

    /// <summary>The payload of <c>invoke &lt;function&gt; -</c>.</summary>
    public required Stream Stdin { get; init; }

    /// <summary>Replaces the Runtime API client's handler (tests).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>How long before the deadline the invocation's token fires, at most.</summary>
    public TimeSpan DeadlineMargin { get; init; } = InvocationCancellation.DefaultMargin;

    /// <summary>Stops the bootstrap loop (tests); Lambda itself just ends the process.</summary>
    public CancellationToken Stopping { get; init; }

    public static LambdaHostOptions ForConsole() => new()
    {
        Stdout = Console.OpenStandardOutput(),
        Stderr = Console.OpenStandardError(),
        Stdin = Console.OpenStandardInput(),
    };
}
