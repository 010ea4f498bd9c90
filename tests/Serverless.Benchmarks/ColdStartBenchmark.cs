using System.Diagnostics;
using System.Globalization;
using Serverless.TestHost;

namespace Serverless.Benchmarks;

/// <summary>
/// Cold start of the sample app: from process start to the first response posted to the Runtime API test host,
/// for a Native AOT build against a self-contained JIT build, runs interleaved so machine noise hits both alike.
/// </summary>
internal static class ColdStartBenchmark
{
    private const string Function = "Hello";
    private const string Payload = """{"name":"Ada"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = ReadRuns(args);
        var root = FindRepositoryRoot();
        var project = Path.Combine(root, "samples", "HelloLambda");
        var output = Path.Combine(root, "artifacts", "bench", "coldstart");

        var jit = await PublishAsync(project, Path.Combine(output, "jit"), aot: false);
        var aot = await PublishAsync(project, Path.Combine(output, "aot"), aot: true);

        // One warm-up each: the first start of a new binary pays for the page cache.
        await MeasureAsync(jit);
        await MeasureAsync(aot);

        var jitTimes = new List<double>();
        var aotTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            jitTimes.Add(await MeasureAsync(jit));
            aotTimes.Add(await MeasureAsync(aot));
        }

        var jitMedian = Median(jitTimes);
        var aotMedian = Median(aotTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Cold start of samples/HelloLambda ({Function}), process start to first response, {runs} runs each
              JIT (self-contained)  median {jitMedian,8:F1} ms   min {jitTimes.Min(),8:F1} ms   max {jitTimes.Max(),8:F1} ms
              Native AOT            median {aotMedian,8:F1} ms   min {aotTimes.Min(),8:F1} ms   max {aotTimes.Max(),8:F1} ms
              ratio JIT / AOT       {jitMedian / aotMedian:F2}x
            Size
              JIT publish folder    {Megabytes(DirectorySize(Path.GetDirectoryName(jit)!)),8:F1} MB
              AOT bootstrap binary  {Megabytes(new FileInfo(aot).Length),8:F1} MB
            """));
        return 0;
    }

    private static async Task<double> MeasureAsync(string executable)
    {
        await using var host = await RuntimeApiTestHost.StartAsync();
        var response = host.Enqueue(new TestInvocation(Payload));
        var start = Stopwatch.GetTimestamp();
        await using var process = LambdaProcess.StartRuntime(executable, host, Function);
        var result = await response.WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = Stopwatch.GetElapsedTime(start, result.ReceivedTimestamp);
        if (result.IsError)
        {
            throw new InvalidOperationException($"{executable} failed: {result.BodyText}");
        }

        return elapsed.TotalMilliseconds;
    }

    private static async Task<string> PublishAsync(string project, string output, bool aot)
    {
        string[] arguments =
        [
            "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo",
            aot ? "-p:PublishAot=true" : "-p:PublishAot=false",
            "--self-contained", "true",
        ];
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode})");
        }

        return Path.Combine(output, "bootstrap");
    }

    private static int ReadRuns(string[] args)
    {
        var index = Array.IndexOf(args, "--runs");
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 20;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
