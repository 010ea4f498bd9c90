namespace Serverless.Build.Tasks.Template;

/// <summary>Settings of the template writer that do not come from the manifest.</summary>
public sealed class TemplateOptions
{
    /// <summary>The writers, one per resource kind, in the order their resources are appended.</summary>
    public static IReadOnlyList<IResourceWriter> DefaultWriters { get; } = new IResourceWriter[]
    {
        new FunctionResourceWriter(),
    };

    /// <summary><c>CodeUri</c> of every function, relative to the template (default <c>.</c>: the project folder).</summary>
    public string CodeUri { get; init; } = ".";

    /// <summary>Used for the template's <c>Description</c> when the manifest names no app (the assembly name).</summary>
    public string? FallbackAppName { get; init; }

    /// <summary>Line ending of a new template; an existing template keeps its own.</summary>
    public string NewLine { get; init; } = "\n";

    public IReadOnlyList<IResourceWriter> Writers { get; init; } = DefaultWriters;

    /// <summary>The writers of the template parameters the tool owns (the extension layer's ARN).</summary>
    public static IReadOnlyList<ITemplateParameterWriter> DefaultParameterWriters { get; } = new ITemplateParameterWriter[]
    {
        new ExtensionLayerParameterWriter(),
    };

    public IReadOnlyList<ITemplateParameterWriter> ParameterWriters { get; init; } = DefaultParameterWriters;
}
