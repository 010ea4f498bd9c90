using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Serverless.Build.Tasks.Tests;

/// <summary>Collects what a task logs.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}

/// <summary>Compiles small assemblies with Roslyn, as the real build would, into a temporary folder.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sls-template-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string TemplatePath => Path.Combine(Directory, "serverless.template");

    public string Path_(string relative) => Path.Combine(Directory, relative);

    /// <summary>Compiles <paramref name="source"/> (which may hold <c>[assembly: Serverless.ServerlessManifest(...)]</c>) against Serverless.Annotations.</summary>
    public string Compile(string source, string assemblyName = "App", bool referenceAnnotations = true)
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToList();
        if (referenceAnnotations)
        {
            references.Add(MetadataReference.CreateFromFile(typeof(Serverless.ServerlessManifestAttribute).Assembly.Location));
        }

        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var objDir = Path.Combine(Directory, "obj");
        System.IO.Directory.CreateDirectory(objDir);
        var path = Path.Combine(objDir, assemblyName + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }

        return path;
    }

    /// <summary>C# source whose assembly carries the manifest, as the generator emits it.</summary>
    public static string ManifestSource(string json) =>
        $"[assembly: global::Serverless.ServerlessManifest({SymbolDisplay.FormatLiteral(json, quote: true)})]\n";

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
