namespace Serverless.Runtime;

/// <summary>
/// The payload could not be read as the handler's event type: the caller's mistake. The bootstrap reports it
/// with an empty <c>stackTrace</c>, and the local tool prints no stack trace for it.
/// </summary>
public sealed class LambdaSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LambdaSerializationException()
        : base("The payload could not be deserialized.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LambdaSerializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public LambdaSerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
