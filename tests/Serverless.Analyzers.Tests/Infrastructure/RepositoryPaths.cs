namespace Serverless.Analyzers.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds Directory.Build.props and docs/.</summary>
    public static string Root { get; } = FindRoot();

    public static string RulesDocs => Path.Combine(Root, "docs", "rules");

    public static string Analyzers => Path.Combine(Root, "analyzers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(directory.FullName, "analyzers")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
