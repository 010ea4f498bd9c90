using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Serverless.Generators.Tests.Infrastructure;

/// <summary>
/// What test compilations reference: the net8.0 reference assemblies (generated code must compile for net8.0 and
/// C# 12), Serverless.Annotations, Serverless.Runtime and DI abstractions; and System.Text.Json's own source
/// generator from the same targeting pack, so JSON contexts in test sources are real.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<(ImmutableArray<MetadataReference> References, string PackDirectory)> Loaded = new(Load);

    public static ImmutableArray<MetadataReference> All => Loaded.Value.References;

    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<IIncrementalGenerator> JsonGeneratorInstance = new(LoadJsonGenerator);

    public static IIncrementalGenerator JsonGenerator => JsonGeneratorInstance.Value;

    public static string ProjectDirectory => Metadata("ProjectDirectory")
        ?? throw new InvalidOperationException("ProjectDirectory metadata is missing");

    private static string? Metadata(string key) => typeof(TestReferences).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static (ImmutableArray<MetadataReference>, string) Load()
    {
        var pack = FindNet8Pack();
        var refDir = Path.Combine(pack, "ref", "net8.0");
        var references = Directory.GetFiles(refDir, "*.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        foreach (var assembly in new[]
        {
            typeof(Serverless.LambdaFunctionAttribute).Assembly,
            typeof(Serverless.Runtime.LambdaHost).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
        })
        {
            references.Add(MetadataReference.CreateFromFile(assembly.Location));
        }

        return (references.ToImmutableArray(), pack);
    }

    private static string FindNet8Pack()
    {
        var roots = new List<string?>
        {
            Metadata("NuGetPackageRoot"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = new List<string>();
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var dir = Path.Combine(root!, "microsoft.netcore.app.ref");
            if (Directory.Exists(dir))
            {
                candidates.AddRange(Directory.GetDirectories(dir, "8.*"));
            }
        }

        var dotnetRoot = Metadata("DotNetRoot");
        if (!string.IsNullOrEmpty(dotnetRoot) && Directory.Exists(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref")))
        {
            candidates.AddRange(Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"), "8.*"));
        }

        var best = candidates
            .Where(c => Directory.Exists(Path.Combine(c, "ref", "net8.0")))
            .OrderByDescending(c => Version.TryParse(Path.GetFileName(c), out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
        return best ?? throw new InvalidOperationException(
            "The net8.0 targeting pack (Microsoft.NETCore.App.Ref 8.x) was not found; restoring Serverless.Runtime downloads it.");
    }

    private static IIncrementalGenerator LoadJsonGenerator()
    {
        var path = Path.Combine(Loaded.Value.PackDirectory, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => t.Name == "JsonSourceGenerator" && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }
}
