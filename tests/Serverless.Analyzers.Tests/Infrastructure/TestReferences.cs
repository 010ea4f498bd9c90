using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies for test compilations, taken from the local SDK's targeting pack (no download), plus
/// Serverless.Annotations and Microsoft.Extensions.DependencyInjection.Abstractions.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework);

    /// <summary>An empty package set: every reference comes from <see cref="All"/>.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    public static ImmutableArray<MetadataReference> All { get; } = Framework.AddRange(new MetadataReference[]
    {
        MetadataReference.CreateFromFile(typeof(LambdaFunctionAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
    });

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var directory = FindTargetingPack();
        IEnumerable<string> files = directory is not null
            ? Directory.EnumerateFiles(directory, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        return files.OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/{version}/ref/net{major}.0 for the running runtime.</summary>
    private static string? FindTargetingPack()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;   // dotnet/shared/Microsoft.NETCore.App/10.0.x
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var tfm = "net" + Environment.Version.Major + ".0";
        return Directory.EnumerateDirectories(packs)
            .Select(d => Path.Combine(d, "ref", tfm))
            .Where(Directory.Exists)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))!).Split('-')[0], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }
}
