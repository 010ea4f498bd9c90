using System;

namespace Serverless;

/// <summary>Log levels, in the names Lambda's advanced logging controls use.</summary>
public enum LambdaLogLevel
{
    /// <summary>Very detailed diagnostics.</summary>
    Trace = 0,
    /// <summary>Debugging information.</summary>
    Debug = 1,
    /// <summary>Normal operation.</summary>
    Information = 2,
    /// <summary>Something unexpected that the function survived.</summary>
    Warning = 3,
    /// <summary>A failure of the current invocation.</summary>
    Error = 4,
    /// <summary>A failure of the execution environment.</summary>
    Critical = 5,
}

/// <summary>Writes log lines that carry the invocation's request ID.</summary>
public interface ILambdaLogger
{
    /// <summary>Writes a line at <paramref name="level"/>, with the exception's details when given.</summary>
    void Log(LambdaLogLevel level, string message, Exception? exception = null);
}

/// <summary>Shorthands for <see cref="ILambdaLogger.Log"/>.</summary>
public static class LambdaLoggerExtensions
{
    /// <summary>Writes an Information line.</summary>
    public static void LogInformation(this ILambdaLogger logger, string message) => logger.Log(LambdaLogLevel.Information, message);

    /// <summary>Writes a Warning line.</summary>
    public static void LogWarning(this ILambdaLogger logger, string message) => logger.Log(LambdaLogLevel.Warning, message);

    /// <summary>Writes an Error line with the exception's details.</summary>
    public static void LogError(this ILambdaLogger logger, string message, Exception? exception = null) => logger.Log(LambdaLogLevel.Error, message, exception);

    /// <summary>Writes a Debug line.</summary>
    public static void LogDebug(this ILambdaLogger logger, string message) => logger.Log(LambdaLogLevel.Debug, message);
}
