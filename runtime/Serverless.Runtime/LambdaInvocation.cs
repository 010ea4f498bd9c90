namespace Serverless.Runtime;

/// <summary>One invocation as a handler sees it.</summary>
public sealed class LambdaInvocation
{
    /// <summary>Describes an invocation (the bootstrap and the local tool make these; tests of wrappers may too).</summary>
    public LambdaInvocation(ReadOnlyMemory<byte> payload, ILambdaContext context, IServiceProvider services,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        Payload = payload;
        Context = context;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// The raw event payload (UTF-8 JSON as Lambda sent it). The memory is reused by the next invocation:
    /// copy it if it must outlive this one.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The Lambda context of this invocation.</summary>
    public ILambdaContext Context { get; }

    /// <summary>Fires shortly before the deadline.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The invocation's DI scope (an empty provider when the app configures no services).</summary>
    public IServiceProvider Services { get; }
}
