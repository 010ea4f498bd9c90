using System;

namespace Serverless;

/// <summary>What Lambda tells a handler about the invocation and the function.</summary>
public interface ILambdaContext
{
    /// <summary>The request ID of this invocation (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>The function's name.</summary>
    string FunctionName { get; }

    /// <summary>The function version that runs.</summary>
    string FunctionVersion { get; }

    /// <summary>The ARN used to invoke the function, with a qualifier when one was given.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>Memory configured for the function, in MB.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>The CloudWatch Logs group of the function.</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch Logs stream of this execution environment.</summary>
    string LogStreamName { get; }

    /// <summary>When Lambda stops the invocation.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The X-Ray trace header of this invocation, if any.</summary>
    string? TraceId { get; }

    /// <summary>The raw JSON client context sent by the AWS Mobile SDK, if any.</summary>
    string? ClientContext { get; }

    /// <summary>The raw JSON Amazon Cognito identity sent by the AWS Mobile SDK, if any.</summary>
    string? CognitoIdentity { get; }

    /// <summary>A logger that writes structured lines carrying the request ID.</summary>
    ILambdaLogger Logger { get; }
}
