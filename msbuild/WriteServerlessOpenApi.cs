using Microsoft.Build.Framework;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.OpenApi;
using Serverless.Build.Tasks.Template;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Serverless.Build.Tasks;

/// <summary>
/// Writes <c>openapi.json</c> (OpenAPI 3.0.3) from the manifest the generator put in the compiled assembly (see
/// <see cref="OpenApiDocumentWriter"/>). The document is generated whole: hand edits are replaced. It is written only
/// when its text changes; an app without HTTP routes writes none (an existing file is left alone).
/// </summary>
public sealed class WriteServerlessOpenApi : MSBuildTask
{
    /// <summary>The compiled (intermediate) assembly that carries <c>[assembly: ServerlessManifest(json)]</c>.</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The document to write; a relative path is taken from <see cref="ProjectDirectory"/>.</summary>
    [Required]
    public string OpenApiPath { get; set; } = "";

    /// <summary>The project's folder (relative paths are resolved against it).</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary><c>info.version</c> (the project's <c>Version</c>).</summary>
    public string? Version { get; set; }

    /// <summary>Whether the document was written (created or changed).</summary>
    [Output]
    public bool Written { get; set; }

    public override bool Execute()
    {
        var baseDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory!;
        var assemblyPath = Path.GetFullPath(Path.Combine(baseDirectory, AssemblyPath));
        var documentPath = Path.GetFullPath(Path.Combine(baseDirectory, OpenApiPath));

        if (TaskFiles.ReadManifest(Log, assemblyPath) is not { } manifest)
        {
            return false;
        }

        OpenApiDocumentResult result;
        try
        {
            result = OpenApiDocumentWriter.Write(manifest, new OpenApiOptions
            {
                FallbackTitle = Path.GetFileNameWithoutExtension(assemblyPath),
                Version = Version,
            });
        }
        catch (ManifestException ex)
        {
            TaskFiles.LogInvalidManifest(Log, assemblyPath, ex.Message);
            return false;
        }

        foreach (var warning in result.Warnings)
        {
            Log.LogWarning(null, OpenApiDiagnosticCodes.RouteLeftOut, null, documentPath, 0, 0, 0, 0, "{0}", warning);
        }

        if (result.Text is null)
        {
            return RemoveGeneratedDocument(documentPath);
        }

        try
        {
            if (File.Exists(documentPath) && File.ReadAllText(documentPath) == result.Text)
            {
                Log.LogMessage(MessageImportance.Low, "'{0}' is up to date.", documentPath);
                return true;
            }

            TaskFiles.WriteWhole(documentPath, result.Text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, OpenApiDiagnosticCodes.DocumentIo, null, documentPath, 0, 0, 0, 0,
                "Cannot write '{0}': {1}", documentPath, ex.Message);
            return false;
        }

        Written = true;
        Log.LogMessage(MessageImportance.High, "OpenAPI document -> {0}", documentPath);
        return true;
    }

    /// <summary>No HTTP routes: a document this build wrote earlier describes routes that are gone; a hand-written one stays.</summary>
    private bool RemoveGeneratedDocument(string documentPath)
    {
        try
        {
            if (File.Exists(documentPath) && GeneratedOpenApiDocument.IsGenerated(File.ReadAllText(documentPath)))
            {
                File.Delete(documentPath);
                Log.LogMessage(MessageImportance.High, "No HTTP routes: removed the generated '{0}'.", documentPath);
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "No HTTP routes: '{0}' is not written.", documentPath);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, OpenApiDiagnosticCodes.DocumentIo, null, documentPath, 0, 0, 0, 0,
                "Cannot remove '{0}': {1}", documentPath, ex.Message);
            return false;
        }
    }
}
