namespace Serverless.Analyzers.Diagnostics;

/// <summary>Diagnostic categories, one per rule family.</summary>
public static class RuleCategories
{
    public const string Functions = "Serverless.Functions";
    public const string Limits = "Serverless.Limits";
    public const string HandlerCode = "Serverless.HandlerCode";
    public const string Http = "Serverless.Http";
    public const string DynamoDb = "Serverless.DynamoDB";
    public const string Triggers = "Serverless.Triggers";
    public const string Workflows = "Serverless.Workflows";
    public const string Tool = "Serverless.Tool";
}
