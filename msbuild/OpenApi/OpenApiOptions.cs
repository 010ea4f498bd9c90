namespace Serverless.Build.Tasks.OpenApi;

/// <summary>Settings of the OpenAPI document that do not come from the manifest.</summary>
public sealed class OpenApiOptions
{
    /// <summary><c>info.title</c> when the manifest names no app (the assembly name).</summary>
    public string? FallbackTitle { get; init; }

    /// <summary><c>info.version</c>: the project's version; <c>1.0.0</c> when empty.</summary>
    public string? Version { get; init; }

    /// <summary>Line ending of the document.</summary>
    public string NewLine { get; init; } = "\n";
}
