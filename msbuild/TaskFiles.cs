using System.Text;
using Microsoft.Build.Utilities;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;

namespace Serverless.Build.Tasks;

/// <summary>The file work the build tasks share: the manifest out of the compiled assembly, and whole-file writes.</summary>
internal static class TaskFiles
{
    /// <summary>
    /// The manifest in <paramref name="assemblyPath"/> (an empty one when the assembly has none), or null after logging
    /// SLST004 when it cannot be read.
    /// </summary>
    public static ServerlessManifest? ReadManifest(TaskLoggingHelper log, string assemblyPath)
    {
        try
        {
            var json = AssemblyManifestReader.ReadManifestJson(assemblyPath);
            return json is null ? ServerlessManifest.Empty() : ServerlessManifest.Parse(json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or ManifestException)
        {
            LogInvalidManifest(log, assemblyPath, ex.Message);
            return null;
        }
    }

    /// <summary>SLST004 on the assembly: its manifest cannot be read, or says something a writer cannot use.</summary>
    public static void LogInvalidManifest(TaskLoggingHelper log, string assemblyPath, string why) =>
        log.LogError(null, TemplateDiagnosticCodes.InvalidManifest, null, assemblyPath, 0, 0, 0, 0,
            "Cannot read the Serverless manifest from '{0}': {1}", assemblyPath, why);

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to a sibling file, then moves it over <paramref name="path"/>: a
    /// failed write never leaves half a file. Creates the folder. Throws IOException/UnauthorizedAccessException.
    /// </summary>
    public static void WriteWhole(string path, string text)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
