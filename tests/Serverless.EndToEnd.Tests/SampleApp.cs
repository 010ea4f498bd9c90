using System.Diagnostics;
using System.Text;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Builds samples/HelloLambda once against the packed Serverless.Analyzers package, the way a user would, and
/// hands out the path of its executable. test.sh packs the package before the tests run.
/// </summary>
public sealed class SampleApp
{
    private static readonly Lazy<Task<SampleApp>> Built = new(BuildAsync);

    private SampleApp(string projectDirectory, string executable, string buildOutput)
    {
        ProjectDirectory = projectDirectory;
        Executable = executable;
        BuildOutput = buildOutput;
    }

    /// <summary>What 'dotnet build' printed.</summary>
    public string BuildOutput { get; }

    public string ProjectDirectory { get; }

    /// <summary>The JIT build's apphost.</summary>
    public string Executable { get; }

    public string TemplatePath => Path.Combine(ProjectDirectory, "serverless.template");

    public static Task<SampleApp> GetAsync() => Built.Value;

    /// <summary>Fails clearly when the package has not been packed (test.sh packs it before the tests run).</summary>
    public static Task EnsurePackageAsync()
    {
        var feed = Path.Combine(RepositoryPaths.Root, "artifacts", "feed");
        if (!Directory.Exists(feed) || Directory.GetFiles(feed, "Serverless.Analyzers.*.nupkg").Length == 0)
        {
            throw new InvalidOperationException($"No Serverless.Analyzers package in {feed}: run ./test.sh (it packs before testing).");
        }

        return Task.CompletedTask;
    }

    private static async Task<SampleApp> BuildAsync()
    {
        await EnsurePackageAsync();
        var project = Path.Combine(RepositoryPaths.Root, "samples", "HelloLambda");

        // A clean build, so the compiler and the template writer really run and every warning is printed.
        var build = await Dotnet.RunAsync(["build", project, "-c", "Release", "-nologo", "--no-incremental"], TimeSpan.FromMinutes(5));
        build.AssertSucceeded("dotnet build samples/HelloLambda");
        var executable = Path.Combine(project, "bin", "Release", "net10.0", "HelloLambda");
        Assert.True(File.Exists(executable), $"{executable} was not built");
        return new SampleApp(project, executable, build.Output);
    }
}

/// <summary>Runs the dotnet CLI and captures what it prints.</summary>
public static class Dotnet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public void AssertSucceeded(string what) =>
            Assert.True(ExitCode == 0, $"{what} failed with exit code {ExitCode}:\n{Output}");
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Build servers outlive the test run and hold files open; a test build needs none.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', info.ArgumentList)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}

/// <summary>The repository root, found by walking up from the test assembly.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;
}
