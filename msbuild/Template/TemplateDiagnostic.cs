namespace Serverless.Build.Tasks.Template;

public enum TemplateDiagnosticSeverity
{
    Message,
    Warning,
    Error,
}

/// <summary>
/// Something the build reports about the template. <see cref="Line"/>/<see cref="Column"/> are 1-based positions
/// in the existing template, when known.
/// </summary>
public sealed record TemplateDiagnostic(
    TemplateDiagnosticSeverity Severity, string Code, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() =>
        $"{Severity} {Code}{(Line is { } l ? $" ({l},{Column ?? 0})" : "")}: {Message}";
}

/// <summary>Codes of the build task's messages (MSBuild codes, not analyzer rule IDs).</summary>
public static class TemplateDiagnosticCodes
{
    /// <summary>A resource written by hand has the logical ID of one of the tool's resources; the user's is kept.</summary>
    public const string LogicalIdTakenByUserResource = "SLST001";

    /// <summary>The existing template is not valid JSON; it is left as it is.</summary>
    public const string InvalidTemplateJson = "SLST002";

    /// <summary>The existing template is JSON but not a template (root or Resources not an object).</summary>
    public const string InvalidTemplateShape = "SLST003";

    /// <summary>The manifest in the assembly cannot be read.</summary>
    public const string InvalidManifest = "SLST004";

    /// <summary>Two of the tool's resources share a logical ID; the first is written.</summary>
    public const string DuplicateLogicalId = "SLST005";

    /// <summary>Reading or writing the template failed.</summary>
    public const string TemplateIo = "SLST006";
}
