using Microsoft.Build.Framework;
using Serverless.Build.Tasks.Template;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Serverless.Build.Tasks;

/// <summary>
/// Writes <c>serverless.template</c> (AWS SAM, JSON) from the manifest the generator put in the compiled assembly,
/// merged with what the user wrote in the template by hand (see <see cref="TemplateMerger"/>). An assembly without a
/// manifest (no functions) only removes the tool's resources from an existing template. The file is written only
/// when its text changes.
/// </summary>
public sealed class WriteServerlessTemplate : MSBuildTask
{
    /// <summary>The compiled (intermediate) assembly that carries <c>[assembly: ServerlessManifest(json)]</c>.</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The template to write; a relative path is taken from <see cref="ProjectDirectory"/>.</summary>
    [Required]
    public string TemplatePath { get; set; } = "";

    /// <summary>The project's folder (relative paths are resolved against it).</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary><c>CodeUri</c> of the functions, relative to the template; empty means <c>.</c>.</summary>
    public string? CodeUri { get; set; }

    /// <summary>Whether the template file was written (created or changed).</summary>
    [Output]
    public bool Written { get; set; }

    /// <summary>The full path of the template.</summary>
    [Output]
    public string? FullTemplatePath { get; set; }

    public override bool Execute()
    {
        var baseDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory!;
        var assemblyPath = Path.GetFullPath(Path.Combine(baseDirectory, AssemblyPath));
        var templatePath = Path.GetFullPath(Path.Combine(baseDirectory, TemplatePath));
        FullTemplatePath = templatePath;

        if (TaskFiles.ReadManifest(Log, assemblyPath) is not { } manifest)
        {
            return false;
        }

        string? existing = null;
        try
        {
            if (File.Exists(templatePath))
            {
                existing = File.ReadAllText(templatePath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, TemplateDiagnosticCodes.TemplateIo, null, templatePath, 0, 0, 0, 0,
                "Cannot read '{0}': {1}", templatePath, ex.Message);
            return false;
        }

        var options = new TemplateOptions
        {
            CodeUri = string.IsNullOrWhiteSpace(CodeUri) ? "." : CodeUri!.Trim(),
            FallbackAppName = Path.GetFileNameWithoutExtension(assemblyPath),
        };
        var result = TemplateMerger.Merge(existing, manifest, options);

        foreach (var d in result.Diagnostics)
        {
            var line = d.Line ?? 0;
            var column = d.Column ?? 0;
            switch (d.Severity)
            {
                case TemplateDiagnosticSeverity.Error:
                    Log.LogError(null, d.Code, null, templatePath, line, column, 0, 0, "{0}", d.Message);
                    break;
                case TemplateDiagnosticSeverity.Warning:
                    Log.LogWarning(null, d.Code, null, templatePath, line, column, 0, 0, "{0}", d.Message);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Normal, "{0}: {1}", templatePath, d.Message);
                    break;
            }
        }

        if (result.HasErrors)
        {
            return false;
        }

        if (!result.Changed || result.Text is null)
        {
            Log.LogMessage(MessageImportance.Low, existing is null
                ? "No Lambda functions: '{0}' is not written."
                : "'{0}' is up to date.", templatePath);
            return true;
        }

        try
        {
            TaskFiles.WriteWhole(templatePath, result.Text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, TemplateDiagnosticCodes.TemplateIo, null, templatePath, 0, 0, 0, 0,
                "Cannot write '{0}': {1}", templatePath, ex.Message);
            return false;
        }

        Written = true;
        Log.LogMessage(MessageImportance.High, "Serverless template -> {0}", templatePath);
        return true;
    }
}
