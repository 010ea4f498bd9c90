using System.Collections.Immutable;

namespace Serverless.Analyzers.Model;

/// <summary>One AWS limit: a range (or a maximum) with the page that documents it.</summary>
/// <param name="Id">A stable key, e.g. <c>Lambda.Timeout</c>.</param>
/// <param name="Description">What is limited.</param>
/// <param name="Min">The smallest allowed value, or null.</param>
/// <param name="Max">The largest allowed value, or null.</param>
/// <param name="Unit">The unit of <paramref name="Min"/> and <paramref name="Max"/>.</param>
/// <param name="DocUrl">The AWS documentation page that states it.</param>
public sealed record AwsLimit(string Id, string Description, long? Min, long? Max, string Unit, string DocUrl)
{
    public bool IsWithin(long value) => (Min is null || value >= Min) && (Max is null || value <= Max);
}

/// <summary>The AWS limits the analyzers enforce (DESIGN.md §5), one row per limit with its doc link.</summary>
public static class AwsLimits
{
    private const string LambdaQuotas = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
    private const string LambdaEdgeQuotas = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html";
    private const string ApiGatewayQuotas = "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html";
    private const string HttpApiQuotas = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html";
    private const string DynamoQuotas = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html";
    private const string DynamoItemSize = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html";
    private const string SqsVisibility = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html";
    private const string StepFunctionsQuotas = "https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html";

    public const int TimeoutMinSeconds = 1;
    public const int TimeoutMaxSeconds = 900;
    public const int MemoryMinMb = 128;
    public const int MemoryMaxMb = 10240;
    public const int EphemeralStorageMinMb = 512;
    public const int EphemeralStorageMaxMb = 10240;
    public const int EnvironmentMaxBytes = 4096;
    public const long PackageZippedMaxBytes = 50L * 1024 * 1024;
    public const long PackageUnzippedMaxBytes = 250L * 1024 * 1024;
    public const int RestApiIntegrationTimeoutSeconds = 29;
    public const int HttpApiIntegrationTimeoutSeconds = 30;
    public const int EdgeViewerTimeoutSeconds = 5;
    public const int EdgeViewerMemoryMb = 128;
    public const int EdgeOriginTimeoutSeconds = 30;
    public const int DynamoItemMaxBytes = 400 * 1024;
    public const int DynamoPartitionKeyMaxBytes = 2048;
    public const int DynamoSortKeyMaxBytes = 1024;
    public const int SqsVisibilityTimeoutFactor = 6;
    public const int StepFunctionsPayloadMaxBytes = 256 * 1024;
    public const int StepFunctionsStandardMaxEvents = 25000;
    public const int StepFunctionsStandardMaxDays = 365;
    public const int StepFunctionsExpressMaxMinutes = 5;
    public const int HandlerMaxLength = 127;
    public const int LogicalIdMaxLength = 255;

    public static readonly AwsLimit Timeout = new("Lambda.Timeout", "Function timeout", TimeoutMinSeconds, TimeoutMaxSeconds, "s", LambdaQuotas);
    public static readonly AwsLimit Memory = new("Lambda.Memory", "Function memory (1 MB steps)", MemoryMinMb, MemoryMaxMb, "MB", LambdaQuotas);
    public static readonly AwsLimit EphemeralStorage = new("Lambda.EphemeralStorage", "Ephemeral storage (/tmp)", EphemeralStorageMinMb, EphemeralStorageMaxMb, "MB", LambdaQuotas);
    public static readonly AwsLimit Environment = new("Lambda.Environment", "Environment variables in total (keys + values)", null, EnvironmentMaxBytes, "bytes", LambdaQuotas);
    public static readonly AwsLimit PackageZipped = new("Lambda.PackageZipped", "Deployment package, zipped", null, PackageZippedMaxBytes, "bytes", LambdaQuotas);
    public static readonly AwsLimit PackageUnzipped = new("Lambda.PackageUnzipped", "Deployment package, unzipped", null, PackageUnzippedMaxBytes, "bytes", LambdaQuotas);
    public static readonly AwsLimit Handler = new("Lambda.Handler", "Handler string length", 1, HandlerMaxLength, "characters", "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html");
    public static readonly AwsLimit LogicalId = new("CloudFormation.LogicalId", "Logical ID length (A-Z, a-z, 0-9)", 1, LogicalIdMaxLength, "characters", "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html");
    public static readonly AwsLimit RestApiIntegrationTimeout = new("ApiGateway.RestIntegrationTimeout", "API Gateway REST integration timeout", null, RestApiIntegrationTimeoutSeconds, "s", ApiGatewayQuotas);
    public static readonly AwsLimit HttpApiIntegrationTimeout = new("ApiGateway.HttpIntegrationTimeout", "API Gateway HTTP API integration timeout", null, HttpApiIntegrationTimeoutSeconds, "s", HttpApiQuotas);
    public static readonly AwsLimit EdgeEnvironment = new("LambdaEdge.Environment", "Lambda@Edge environment variables (none allowed)", null, 0, "variables", LambdaEdgeQuotas);
    public static readonly AwsLimit EdgeViewerTimeout = new("LambdaEdge.ViewerTimeout", "Lambda@Edge viewer event timeout", null, EdgeViewerTimeoutSeconds, "s", LambdaEdgeQuotas);
    public static readonly AwsLimit EdgeViewerMemory = new("LambdaEdge.ViewerMemory", "Lambda@Edge viewer event memory", null, EdgeViewerMemoryMb, "MB", LambdaEdgeQuotas);
    public static readonly AwsLimit EdgeOriginTimeout = new("LambdaEdge.OriginTimeout", "Lambda@Edge origin event timeout", null, EdgeOriginTimeoutSeconds, "s", LambdaEdgeQuotas);
    public static readonly AwsLimit DynamoItem = new("DynamoDB.ItemSize", "DynamoDB item size (names + values, UTF-8)", null, DynamoItemMaxBytes, "bytes", DynamoItemSize);
    public static readonly AwsLimit DynamoPartitionKey = new("DynamoDB.PartitionKey", "DynamoDB partition key value", 1, DynamoPartitionKeyMaxBytes, "bytes", DynamoQuotas);
    public static readonly AwsLimit DynamoSortKey = new("DynamoDB.SortKey", "DynamoDB sort key value", 1, DynamoSortKeyMaxBytes, "bytes", DynamoQuotas);
    public static readonly AwsLimit SqsVisibilityTimeout = new("Sqs.VisibilityTimeout", "SQS visibility timeout as a multiple of the function timeout", SqsVisibilityTimeoutFactor, null, "x function timeout", SqsVisibility);
    public static readonly AwsLimit StepFunctionsPayload = new("StepFunctions.Payload", "Step Functions state payload", null, StepFunctionsPayloadMaxBytes, "bytes", StepFunctionsQuotas);
    public static readonly AwsLimit StepFunctionsStandardEvents = new("StepFunctions.StandardEvents", "Standard workflow execution history", null, StepFunctionsStandardMaxEvents, "events", StepFunctionsQuotas);
    public static readonly AwsLimit StepFunctionsStandardDuration = new("StepFunctions.StandardDuration", "Standard workflow duration", null, StepFunctionsStandardMaxDays, "days", StepFunctionsQuotas);
    public static readonly AwsLimit StepFunctionsExpressDuration = new("StepFunctions.ExpressDuration", "Express workflow duration", null, StepFunctionsExpressMaxMinutes, "minutes", StepFunctionsQuotas);

    /// <summary>Every row, in the order of DESIGN.md §5.</summary>
    public static ImmutableArray<AwsLimit> All { get; } = ImmutableArray.Create(
        Timeout, Memory, EphemeralStorage, Environment, PackageZipped, PackageUnzipped, Handler, LogicalId,
        RestApiIntegrationTimeout, HttpApiIntegrationTimeout, EdgeEnvironment, EdgeViewerTimeout, EdgeViewerMemory,
        EdgeOriginTimeout, DynamoItem, DynamoPartitionKey, DynamoSortKey, SqsVisibilityTimeout, StepFunctionsPayload,
        StepFunctionsStandardEvents, StepFunctionsStandardDuration, StepFunctionsExpressDuration);
}
