namespace Serverless.Runtime;

/// <summary>The entry point that generated <c>Main</c> methods call.</summary>
public static class LambdaHost
{
    /// <summary>
    /// With <c>AWS_LAMBDA_RUNTIME_API</c> set: runs the bootstrap loop for the function named by <c>_HANDLER</c>
    /// (returns non-zero after an init error). Without: the local tool (no arguments lists the functions;
    /// <c>invoke &lt;function&gt; [json | -]</c> runs one invocation and prints its response).
    /// </summary>
    public static Task<int> RunAsync(string[] args, LambdaApplication application) =>
        RunAsync(args, application, LambdaHostOptions.ForConsole());

    internal static Task<int> RunAsync(string[] args, LambdaApplication application, LambdaHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);

        var runtimeApi = options.Environment.Get(EnvironmentVariables.RuntimeApi);
        return string.IsNullOrEmpty(runtimeApi)
            ? new LocalTool(application, options).RunAsync(args)
            : new LambdaBootstrap(application, options, runtimeApi).RunAsync();
    }
}
