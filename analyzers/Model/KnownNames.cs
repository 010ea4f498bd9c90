namespace Serverless.Analyzers.Model;

/// <summary>Metadata names of the types the model reads.</summary>
public static class KnownNames
{
    public const string LambdaFunctionAttribute = "Serverless.LambdaFunctionAttribute";
    public const string ServerlessAppAttribute = "Serverless.ServerlessAppAttribute";
    public const string EnvironmentAttribute = "Serverless.EnvironmentAttribute";
    public const string LambdaStartupAttribute = "Serverless.LambdaStartupAttribute";
    public const string LambdaEdgeAttribute = "Serverless.LambdaEdgeAttribute";
    public const string RdsProxyAttribute = "Serverless.RdsProxyAttribute";
    public const string FromServicesAttribute = "Serverless.FromServicesAttribute";
    public const string ILambdaContext = "Serverless.ILambdaContext";
    public const string LambdaArchitecture = "Serverless.LambdaArchitecture";
    public const string TracingMode = "Serverless.TracingMode";
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string IServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string Stream = "System.IO.Stream";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string ReadOnlyMemoryOfT = "System.ReadOnlyMemory`1";
    public const string IAsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string AsyncMethodBuilderAttribute = "System.Runtime.CompilerServices.AsyncMethodBuilderAttribute";

    /// <summary>The namespace of everything the generator emits.</summary>
    public const string GeneratedNamespace = "Serverless.Generated";

    /// <summary>The runtime identifier used when neither the app nor the function sets one.</summary>
    public const string DefaultRuntime = "provided.al2023";
}
