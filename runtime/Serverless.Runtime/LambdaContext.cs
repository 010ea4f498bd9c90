namespace Serverless.Runtime;

/// <summary>The <see cref="ILambdaContext"/> of one invocation.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly LambdaFunctionInfo _function;
    private readonly LambdaLogWriter _log;
    private LambdaLogger? _logger;

    public LambdaContext(
        LambdaFunctionInfo function,
        LambdaLogWriter log,
        string awsRequestId,
        DateTimeOffset deadline,
        string invokedFunctionArn,
        string? traceId = null,
        string? clientContext = null,
        string? cognitoIdentity = null)
    {
        _function = function;
        _log = log;
        AwsRequestId = awsRequestId;
        Deadline = deadline;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        ClientContext = clientContext;
        CognitoIdentity = cognitoIdentity;
    }

    public string AwsRequestId { get; }

    public string FunctionName => _function.FunctionName;

    public string FunctionVersion => _function.FunctionVersion;

    public string InvokedFunctionArn { get; }

    public int MemoryLimitInMB => _function.MemoryLimitInMB;

    public string LogGroupName => _function.LogGroupName;

    public string LogStreamName => _function.LogStreamName;

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - DateTimeOffset.UtcNow;
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public string? TraceId { get; }

    public string? ClientContext { get; }

    public string? CognitoIdentity { get; }

    public ILambdaLogger Logger => _logger ??= new LambdaLogger(_log, AwsRequestId);
}
