namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The build gate: samples/BuildGate holds one violation of every error rule, so a real `dotnet build` against the
/// packed package fails and names each rule — what a team's CI relies on.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class BuildGateTests
{
    public static TheoryData<string, string[]> Projects => new()
    {
        {
            "BuildGate",
            ["SLS1001", "SLS1002", "SLS1003", "SLS1004", "SLS1005", "SLS1006", "SLS1007", "SLS1008", "SLS1009",
             "SLS1012", "SLS1013", "SLS1016", "SLS1017",
             "SLS1100", "SLS1101", "SLS1102", "SLS1110", "SLS1111", "SLS1112", "SLS1113", "SLS1120", "SLS1122",
             "SLS3001", "SLS3002", "SLS3003", "SLS3004", "SLS3006", "SLS3007",
             "SLS3010", "SLS3011", "SLS3012", "SLS3013", "SLS3014", "SLS3015", "SLS3016"]
        },
        { "BuildGate/WithoutStartup", ["SLS1011"] },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Building_fails_and_names_every_violated_rule(string project, string[] expectedIds)
    {
        await SampleApp.EnsurePackageAsync();
        var path = Path.Combine(RepositoryPaths.Root, "samples", project);

        var build = await Dotnet.RunAsync(["build", path, "-c", "Release", "-nologo", "--no-incremental"], TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        var missing = expectedIds.Where(id => !build.Output.Contains($"error {id}:", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"Not reported as errors: {string.Join(", ", missing)}\n{build.Output}");
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("SLS9001", build.Output);
    }

    [Fact]
    public async Task The_strict_preset_turns_warnings_into_errors()
    {
        await SampleApp.EnsurePackageAsync();
        var path = Path.Combine(RepositoryPaths.Root, "samples", "BuildGate", "StrictOnly");

        var recommended = await Dotnet.RunAsync(["build", path, "-c", "Release", "-nologo", "--no-incremental"], TimeSpan.FromMinutes(5));
        recommended.AssertSucceeded("dotnet build (recommended)");
        Assert.Contains("warning SLS2002:", recommended.Output);

        var strict = await Dotnet.RunAsync(
            ["build", path, "-c", "Release", "-nologo", "--no-incremental", "-p:ServerlessAnalysisLevel=strict"], TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error SLS2002:", strict.Output);

        var unknown = await Dotnet.RunAsync(
            ["build", path, "-c", "Release", "-nologo", "-p:ServerlessAnalysisLevel=lenient"], TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("SLSB001", unknown.Output);
    }
}
