using System.Diagnostics;
using System.Text;

namespace Serverless.TestHost;

/// <summary>
/// A child process running a Lambda app: either against a <see cref="RuntimeApiTestHost"/>
/// (<c>AWS_LAMBDA_RUNTIME_API</c> and <c>_HANDLER</c> set), or as the local tool. Stdout and stderr are captured.
/// A path ending in <c>.dll</c> runs through <c>dotnet</c>; anything else runs as it is (an apphost or an AOT binary).
/// </summary>
public sealed class LambdaProcess : IAsyncDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LambdaProcess(Process process, long startTimestamp)
    {
        Process = process;
        StartTimestamp = startTimestamp;
    }

    /// <summary>The process.</summary>
    public Process Process { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> taken just before the process started.</summary>
    public long StartTimestamp { get; }

    /// <summary>Stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Stdout lines so far.</summary>
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Starts <paramref name="path"/> as a custom runtime: <c>AWS_LAMBDA_RUNTIME_API</c> points at
    /// <paramref name="host"/>, <c>_HANDLER</c> is <paramref name="handler"/>, and the usual Lambda variables
    /// (function name, version, memory, log group and stream) are set unless <paramref name="environment"/> sets them.
    /// </summary>
    public static LambdaProcess StartRuntime(string path, RuntimeApiTestHost host, string handler,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = host.RuntimeApi,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = handler,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + handler,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2024/01/01/[$LATEST]test",
        };
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                variables[name] = value;
            }
        }

        return Start(path, [], variables, workingDirectory, stdin: null);
    }

    /// <summary>Starts <paramref name="path"/> with <paramref name="arguments"/> as the local tool (no <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public static LambdaProcess StartTool(string path, IEnumerable<string> arguments, string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["AWS_LAMBDA_RUNTIME_API"] = null };
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                variables[name] = value;
            }
        }

        return Start(path, arguments, variables, workingDirectory, stdin);
    }

    /// <summary>Runs the local tool to the end and returns its exit code (the output stays on the returned process).</summary>
    public static async Task<LambdaProcess> RunToolAsync(string path, IEnumerable<string> arguments, string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var process = StartTool(path, arguments, stdin, environment);
        await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return process;
    }

    /// <summary>Starts a process with the given environment changes (a null value removes a variable).</summary>
    public static LambdaProcess Start(string path, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null, string? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? Environment.CurrentDirectory,
        };
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = DotnetHost();
            info.ArgumentList.Add(path);
        }
        else
        {
            info.FileName = path;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = Stopwatch.GetTimestamp();
        var result = new LambdaProcess(process, started);
        process.OutputDataReceived += (_, e) => result.Append(result._stdout, result._stdoutClosed, e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(result._stderr, result._stderrClosed, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        return result;
    }

    /// <summary>Waits for the process to end (and its output to be read); kills it and throws on timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The process did not exit within {timeout}. Stdout: {Stdout} Stderr: {Stderr}");
        }

        return Process.ExitCode;
    }

    /// <summary>Kills the process (and its children) if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        Process.Dispose();
    }

    private void Append(StringBuilder target, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (target)
        {
            target.Append(line).Append('\n');
        }
    }

    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(root) && File.Exists(root))
        {
            return root;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}
