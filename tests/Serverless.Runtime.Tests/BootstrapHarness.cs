using Serverless.TestHost;

namespace Serverless.Runtime.Tests;

/// <summary>Runs <see cref="LambdaHost"/> in-process against a <see cref="RuntimeApiTestHost"/>.</summary>
internal sealed class BootstrapHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private bool _processEnvironment;

    private BootstrapHarness(RuntimeApiTestHost host, Dictionary<string, string?> environment)
    {
        Host = host;
        Environment = environment;
    }

    public RuntimeApiTestHost Host { get; }

    public Dictionary<string, string?> Environment { get; }

    public CapturedStream Stdout { get; } = new();

    public CapturedStream Stderr { get; } = new();

    public Task<int> Run { get; private set; } = Task.FromResult(-1);

    public static async Task<BootstrapHarness> StartAsync(LambdaApplication application, string handler,
        IReadOnlyDictionary<string, string?>? environment = null, bool processEnvironment = false)
    {
        var host = await RuntimeApiTestHost.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = host.RuntimeApi,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = handler,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + handler,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2024/01/01/[7]abc",
        };
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                variables[name] = value;
            }
        }

        var harness = new BootstrapHarness(host, variables);
        LambdaEnvironment env;
        if (processEnvironment)
        {
            // Reads the test's variables, writes (_X_AMZN_TRACE_ID) to the real process environment.
            env = LambdaEnvironment.Process;
            harness._processEnvironment = true;
            foreach (var (name, value) in variables)
            {
                System.Environment.SetEnvironmentVariable(name, value);
            }
        }
        else
        {
            env = LambdaEnvironment.FromDictionary(variables);
        }

        var options = new LambdaHostOptions
        {
            Environment = env,
            Stdout = harness.Stdout,
            Stderr = harness.Stderr,
            Stdin = Stream.Null,
            Stopping = harness._stop.Token,
        };
        harness.Run = Task.Run(() => LambdaHost.RunAsync([], application, options));
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await Host.DisposeAsync();
            _stop.Dispose();
            if (_processEnvironment)
            {
                foreach (var name in Environment.Keys)
                {
                    System.Environment.SetEnvironmentVariable(name, null);
                }

                System.Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", null);
            }
        }
    }
}
