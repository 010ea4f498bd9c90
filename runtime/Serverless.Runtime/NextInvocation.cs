namespace Serverless.Runtime;

/// <summary>One invocation as the Runtime API's <c>/invocation/next</c> delivered it.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c> (Unix milliseconds).</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>.</param>
/// <param name="ClientContext"><c>Lambda-Runtime-Client-Context</c>.</param>
/// <param name="CognitoIdentity"><c>Lambda-Runtime-Cognito-Identity</c>.</param>
/// <param name="Payload">The event body; valid until the next call to <c>/invocation/next</c>.</param>
internal readonly record struct NextInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
