namespace Serverless.Build.Tasks.Tests;

/// <summary>Paths found by walking up from the test assembly to the repository root.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The root of Serverless.Analyzers: its Directory.Build.props sits beside msbuild/ and tests/.
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                && Directory.Exists(Path.Combine(dir.FullName, "msbuild"))
                && Directory.Exists(Path.Combine(dir.FullName, "tests")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    });

    public static string RepoRoot => Root.Value;

    public static string SamSchema => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "schemas", "sam.schema.json"));

    public static string TemplateTargets => Path.Combine(RepoRoot, "msbuild", "build", "Serverless.Analyzers.Template.targets");

    public static string OpenApiTargets => Path.Combine(RepoRoot, "msbuild", "build", "Serverless.Analyzers.OpenApi.targets");
}
