namespace Serverless.Runtime;

/// <summary>What stays the same for every invocation of the function in this process.</summary>
internal sealed record LambdaFunctionInfo(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    /// <summary>Reads the values Lambda puts in the environment, falling back to <paramref name="definition"/>.</summary>
    public static LambdaFunctionInfo FromEnvironment(LambdaEnvironment environment, LambdaFunctionDefinition definition)
    {
        var name = environment.Get(EnvironmentVariables.FunctionName);
        if (string.IsNullOrEmpty(name))
        {
            name = definition.Name;
        }

        return new LambdaFunctionInfo(
            name,
            environment.Get(EnvironmentVariables.FunctionVersion) ?? "$LATEST",
            environment.GetInt32(EnvironmentVariables.FunctionMemorySize, Defaults.MemorySize(definition)),
            environment.Get(EnvironmentVariables.LogGroupName) ?? "/aws/lambda/" + name,
            environment.Get(EnvironmentVariables.LogStreamName) ?? string.Empty);
    }

    /// <summary>Values for a local run of <paramref name="definition"/>.</summary>
    public static LambdaFunctionInfo ForLocalRun(LambdaFunctionDefinition definition) =>
        new(definition.Name, "$LATEST", Defaults.MemorySize(definition), "/aws/lambda/" + definition.Name, "local");

    /// <summary>Lambda's defaults for settings a definition leaves unset.</summary>
    internal static class Defaults
    {
        public const int MemorySizeInMB = 128;
        public const int TimeoutInSeconds = 3;

        public static int MemorySize(LambdaFunctionDefinition definition) =>
            definition.MemorySize > 0 ? definition.MemorySize : MemorySizeInMB;

        public static int Timeout(LambdaFunctionDefinition definition) =>
            definition.Timeout > 0 ? definition.Timeout : TimeoutInSeconds;
    }
}
