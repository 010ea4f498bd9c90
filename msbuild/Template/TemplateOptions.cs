namespace Serverless.Build.Tasks.Template;

/// <summary>Settings of the template writer that do not come from the manifest.</summary>
public sealed class TemplateOptions
{
    /// <summary>The writers, one per resource kind, in the order their resources are appended.</summary>
    public static IReadOnlyList<IResourceWriter> DefaultWriters { get; } = new IResourceWriter[]
    {
        new FunctionResourceWriter(),
        new ApiResourceWriter(),
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
        new RdsProxyParameterWriter(),
    };

    public IReadOnlyList<ITemplateParameterWriter> ParameterWriters { get; init; } = DefaultParameterWriters;

    /// <summary>The writers of the template outputs the tool owns (the API URLs).</summary>
    public static IReadOnlyList<ITemplateOutputWriter> DefaultOutputWriters { get; } = new ITemplateOutputWriter[]
    {
        new ApiUrlOutputWriter(),
    };

    public IReadOnlyList<ITemplateOutputWriter> OutputWriters { get; init; } = DefaultOutputWriters;

    private System.Text.Json.Nodes.JsonObject? existingResources;

    /// <summary>
    /// The <c>Resources</c> of the template being merged into, for writers whose output depends on hand-written resources
    /// (an <c>AWS::RDS::DBProxy</c>); the merger sets it, null for a new template. Writers only read it.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? ExistingResources { get => existingResources; init => existingResources = value; }

    /// <summary>A copy of these options (every setting, also ones added later) with <see cref="ExistingResources"/> set.</summary>
    internal TemplateOptions WithExistingResources(System.Text.Json.Nodes.JsonObject? resources)
    {
        var copy = (TemplateOptions)MemberwiseClone();
        copy.existingResources = resources;
        return copy;
    }
}
