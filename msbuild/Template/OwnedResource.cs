using System.Text.Json.Nodes;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// A resource the tool owns, as one <see cref="IResourceWriter"/> describes it: its logical ID, its type, the
/// properties the tool sets (in the order a new resource gets them) and the <c>Metadata</c> entries it adds when they
/// are missing (a user's value for such a key is kept, e.g. a different <c>BuildMethod</c>).
/// </summary>
public sealed class OwnedResource
{
    public OwnedResource(
        string logicalId,
        string type,
        IReadOnlyList<KeyValuePair<string, JsonNode>> properties,
        IReadOnlyList<KeyValuePair<string, JsonNode>>? metadataDefaults = null)
    {
        LogicalId = logicalId;
        Type = type;
        Properties = properties;
        MetadataDefaults = metadataDefaults ?? Array.Empty<KeyValuePair<string, JsonNode>>();
    }

    public string LogicalId { get; }
    public string Type { get; }
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; }
    public IReadOnlyList<KeyValuePair<string, JsonNode>> MetadataDefaults { get; }
}

/// <summary>
/// Turns one kind of the manifest (functions today; HTTP APIs, tables, queues, state machines later) into the
/// resources the tool owns. The merge engine knows nothing about kinds: it only merges <see cref="OwnedResource"/>s.
/// A writer may also return several resources per manifest entry (a function and its permission, say).
/// </summary>
public interface IResourceWriter
{
    IEnumerable<OwnedResource> Write(Manifest.ServerlessManifest manifest, TemplateOptions options);
}

/// <summary>
/// A template parameter the tool owns (listed in the template's <c>Metadata.ServerlessAnalyzers.Parameters</c>): the
/// properties it sets (a user's <c>Default</c> and other keys are kept). A parameter of the user's with the same name
/// is theirs and is left as it is.
/// </summary>
public sealed class OwnedParameter
{
    public OwnedParameter(string name, IReadOnlyList<KeyValuePair<string, JsonNode>> properties)
    {
        Name = name;
        Properties = properties;
    }

    public string Name { get; }
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; }
}

/// <summary>Turns the manifest into the template parameters the tool owns.</summary>
public interface ITemplateParameterWriter
{
    IEnumerable<OwnedParameter> Write(Manifest.ServerlessManifest manifest, TemplateOptions options);
}
