namespace Serverless.Runtime;

/// <summary>Handles one invocation: reads the payload and returns the response body.</summary>
/// <param name="invocation">The invocation's payload, context, cancellation token and services.</param>
public delegate ValueTask<LambdaResponse> LambdaFunctionHandler(LambdaInvocation invocation);
