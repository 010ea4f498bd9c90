namespace Serverless.Runtime;

/// <summary>The <see cref="ILambdaLogger"/> of one invocation: every line carries its request ID.</summary>
internal sealed class LambdaLogger(LambdaLogWriter writer, string? requestId) : ILambdaLogger
{
    public void Log(LambdaLogLevel level, string message, Exception? exception = null) =>
        writer.Write(level, requestId, message, exception);
}
