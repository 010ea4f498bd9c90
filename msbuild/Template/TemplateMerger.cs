using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>What the template should become.</summary>
public sealed class TemplateMergeResult
{
    internal TemplateMergeResult(string? text, bool changed, IReadOnlyList<TemplateDiagnostic> diagnostics)
    {
        Text = text;
        Changed = changed;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// The template's text after the merge: the existing text itself when nothing changed, <c>null</c> when there is
    /// no template and none is needed, or when an error means the file must be left alone.
    /// </summary>
    public string? Text { get; }

    /// <summary>Whether <see cref="Text"/> must be written (it differs from the existing template).</summary>
    public bool Changed { get; }

    public IReadOnlyList<TemplateDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == TemplateDiagnosticSeverity.Error);
}

/// <summary>
/// Merges the resources the tool owns into an existing template, as a pure function of (existing text, manifest,
/// options). Rules:
/// <list type="bullet">
/// <item>A resource is the tool's when its <c>Metadata.ServerlessAnalyzers.Generated</c> is <c>true</c>. Everything
/// else in the template (resources, parameters, outputs, globals, conditions, ...) is the user's and is never
/// touched.</item>
/// <item>The tool's resources are updated in place: <c>Type</c>, the properties the tool sets, and the
/// <c>ServerlessAnalyzers</c> entry of <c>Metadata</c>. A property the tool wrote before (listed in
/// <c>Metadata.ServerlessAnalyzers.Properties</c>) and no longer sets is removed; properties and metadata keys the
/// user added are kept. Missing metadata defaults (<c>BuildMethod</c>) are added, a user's value is kept.</item>
/// <item>The tool's resources the manifest no longer has are removed; new ones are appended.</item>
/// <item>A resource of the user's with the logical ID of one of the tool's wins, with a warning.</item>
/// <item>Key order is kept; when the merged template means the same as the existing one, the existing text is
/// returned as it is (its formatting included), so the file is not rewritten.</item>
/// </list>
/// </summary>
public static class TemplateMerger
{
    public const string TemplateFormatVersion = "2010-09-09";
    public const string SamTransform = "AWS::Serverless-2016-10-31";
    public const string MetadataKey = "ServerlessAnalyzers";

    public static TemplateMergeResult Merge(string? existingTemplate, ServerlessManifest manifest, TemplateOptions options)
    {
        var diagnostics = new List<TemplateDiagnostic>();
        Dictionary<string, OwnedResource> desired;

        var existingText = existingTemplate;
        if (existingText is { Length: > 0 } && existingText[0] == '\uFEFF')
        {
            existingText = existingText.Substring(1);
        }

        JsonObject root;
        string newLine;
        string? before;
        if (string.IsNullOrWhiteSpace(existingText))
        {
            desired = CollectDesired(manifest, options, diagnostics);
            if (desired.Count == 0)
            {
                return new TemplateMergeResult(null, changed: false, diagnostics);
            }

            root = NewTemplate(manifest.App.Name ?? options.FallbackAppName);
            newLine = options.NewLine;
            before = null;
        }
        else
        {
            if (!TryParse(existingText!, diagnostics, out root))
            {
                return new TemplateMergeResult(null, changed: false, diagnostics);
            }

            newLine = TemplateJson.DetectNewLine(existingText!, options.NewLine);
            before = TemplateJson.Serialize(root, newLine);

            // Writers may refer to the user's resources (an AWS::RDS::DBProxy): they see the template as it was.
            options = options.WithExistingResources(root["Resources"] as JsonObject);
            desired = CollectDesired(manifest, options, diagnostics);
        }

        var resources = root["Resources"] as JsonObject;
        if (resources is null)
        {
            if (root["Resources"] is not null)
            {
                diagnostics.Add(new(TemplateDiagnosticSeverity.Error, TemplateDiagnosticCodes.InvalidTemplateShape,
                    "the template's 'Resources' is not a JSON object; the template is left as it is"));
                return new TemplateMergeResult(null, changed: false, diagnostics);
            }

            if (desired.Count == 0)
            {
                // Nothing of the tool's can be in it.
                return new TemplateMergeResult(existingTemplate, changed: false, diagnostics);
            }

            root["Resources"] = resources = new JsonObject();
        }

        if (desired.Count > 0)
        {
            EnsureSamTransform(ref root, desired);
            resources = (JsonObject)root["Resources"]!;
        }

        // Remove the tool's resources that the manifest no longer has.
        foreach (var pair in resources.ToList())
        {
            if (IsOwned(pair.Value) && !desired.ContainsKey(pair.Key))
            {
                resources.Remove(pair.Key);
            }
        }

        foreach (var resource in desired.Values)
        {
            var existing = resources[resource.LogicalId];
            if (existing is null)
            {
                if (resources.ContainsKey(resource.LogicalId))
                {
                    // "Id": null, a placeholder of the user's: still theirs.
                    diagnostics.Add(Clash(resource));
                    continue;
                }

                resources[resource.LogicalId] = Create(resource);
            }
            else if (!IsOwned(existing))
            {
                diagnostics.Add(Clash(resource));
            }
            else
            {
                Update((JsonObject)existing, resource);
            }
        }

        MergeOwnedEntries(ref root, "Parameters", CollectParameters(manifest, options).Select(p => (p.Name, p.Properties)).ToList(), insertBefore: "Resources");
        MergeOwnedEntries(ref root, "Outputs", CollectOutputs(manifest, options).Select(o => (o.Name, o.Properties)).ToList(), insertBefore: null);

        var after = TemplateJson.Serialize(root, newLine);
        if (before is not null && string.Equals(before, after, StringComparison.Ordinal))
        {
            return new TemplateMergeResult(existingTemplate, changed: false, diagnostics);
        }

        return new TemplateMergeResult(after, changed: !string.Equals(after, existingTemplate, StringComparison.Ordinal), diagnostics);
    }

    /// <summary>Whether a resource carries the tool's mark, <c>Metadata.ServerlessAnalyzers.Generated: true</c>.</summary>
    public static bool IsOwned(JsonNode? resource) =>
        resource is JsonObject r
        && r["Metadata"] is JsonObject metadata
        && metadata[MetadataKey] is JsonObject mark
        && mark["Generated"] is JsonValue generated
        && generated.GetValueKind() == JsonValueKind.True;

    private static Dictionary<string, OwnedResource> CollectDesired(
        ServerlessManifest manifest, TemplateOptions options, List<TemplateDiagnostic> diagnostics)
    {
        // Insertion order of Dictionary is kept as long as nothing is removed.
        var desired = new Dictionary<string, OwnedResource>(StringComparer.Ordinal);
        foreach (var writer in options.Writers)
        {
            foreach (var resource in writer.Write(manifest, options))
            {
                if (desired.ContainsKey(resource.LogicalId))
                {
                    diagnostics.Add(new(TemplateDiagnosticSeverity.Warning, TemplateDiagnosticCodes.DuplicateLogicalId,
                        $"two of the generated resources are named '{resource.LogicalId}'; only the first is written"));
                    continue;
                }

                desired.Add(resource.LogicalId, resource);
            }
        }

        return desired;
    }

    private static List<OwnedParameter> CollectParameters(ServerlessManifest manifest, TemplateOptions options)
    {
        var parameters = new List<OwnedParameter>();
        foreach (var writer in options.ParameterWriters)
        {
            foreach (var parameter in writer.Write(manifest, options))
            {
                if (!parameters.Any(p => p.Name == parameter.Name))
                {
                    parameters.Add(parameter);
                }
            }
        }

        return parameters;
    }

    private static List<OwnedOutput> CollectOutputs(ServerlessManifest manifest, TemplateOptions options)
    {
        var outputs = new List<OwnedOutput>();
        foreach (var writer in options.OutputWriters)
        {
            foreach (var output in writer.Write(manifest, options))
            {
                if (!outputs.Any(o => o.Name == output.Name))
                {
                    outputs.Add(output);
                }
            }
        }

        return outputs;
    }

    /// <summary>
    /// The template parameters (or outputs) the tool owns, in the template's <paramref name="section"/>. CloudFormation
    /// parameters and outputs have no <c>Metadata</c> of their own, so the template's
    /// <c>Metadata.ServerlessAnalyzers.&lt;section&gt;</c> lists the tool's. A listed entry no longer needed is removed; a
    /// needed one is added (parameters before <c>Resources</c>, outputs at the end) or updated in place (the properties
    /// the tool sets; a user's <c>Default</c> or <c>Export</c> is kept); an entry of the user's with the same name is
    /// theirs and stays as written. A template whose section or <c>Metadata</c> is not an object is left alone.
    /// </summary>
    private static void MergeOwnedEntries(ref JsonObject root, string section, List<(string Name, IReadOnlyList<KeyValuePair<string, JsonNode>> Properties)> desired, string? insertBefore)
    {
        if ((root.ContainsKey(section) && root[section] is not JsonObject)
            || (root.ContainsKey("Metadata") && root["Metadata"] is not JsonObject)
            || (root["Metadata"] is JsonObject m && m.ContainsKey(MetadataKey) && m[MetadataKey] is not JsonObject))
        {
            return;
        }

        var mark = (root["Metadata"] as JsonObject)?[MetadataKey] as JsonObject;
        var owned = new HashSet<string>(StringComparer.Ordinal);
        if (mark?[section] is JsonArray listed)
        {
            foreach (var item in listed)
            {
                if (item is JsonValue v && v.TryGetValue(out string? name) && name is not null)
                {
                    owned.Add(name);
                }
            }
        }

        var entries = root[section] as JsonObject;
        var removed = false;
        foreach (var name in owned)
        {
            if (entries is not null && entries.ContainsKey(name) && !desired.Any(p => p.Name == name))
            {
                entries.Remove(name);
                removed = true;
            }
        }

        var nowOwned = new List<string>();
        foreach (var entry in desired)
        {
            if (entries?[entry.Name] is JsonObject existing)
            {
                if (owned.Contains(entry.Name))
                {
                    foreach (var pair in entry.Properties)
                    {
                        SetIfDifferent(existing, pair.Key, pair.Value.DeepClone());
                    }

                    nowOwned.Add(entry.Name);
                }

                continue;   // the user's own entry of that name
            }

            if (entries is not null && entries.ContainsKey(entry.Name))
            {
                continue;   // "Name": null or another shape: the user's
            }

            if (entries is null)
            {
                entries = new JsonObject();
                root = insertBefore is null ? Append(root, section, entries) : InsertBefore(root, section, entries, insertBefore);
            }

            var created = new JsonObject();
            foreach (var pair in entry.Properties)
            {
                created[pair.Key] = pair.Value.DeepClone();
            }

            entries[entry.Name] = created;
            nowOwned.Add(entry.Name);
        }

        if (removed && entries is { Count: 0 })
        {
            root.Remove(section);
        }

        // The list of the tool's entries.
        if (nowOwned.Count > 0)
        {
            if (root["Metadata"] is not JsonObject metadata)
            {
                root["Metadata"] = metadata = new JsonObject();
            }

            if (metadata[MetadataKey] is not JsonObject ownMark)
            {
                metadata[MetadataKey] = ownMark = new JsonObject();
            }

            SetIfDifferent(ownMark, section, new JsonArray(nowOwned.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()));
        }
        else if (mark is not null && mark.ContainsKey(section))
        {
            mark.Remove(section);
            if (mark.Count == 0)
            {
                var metadata = (JsonObject)root["Metadata"]!;
                metadata.Remove(MetadataKey);
                if (metadata.Count == 0)
                {
                    root.Remove("Metadata");
                }
            }
        }
    }

    private static JsonObject Append(JsonObject root, string key, JsonNode value)
    {
        root[key] = value;
        return root;
    }

    /// <summary>Adds <paramref name="key"/> before <paramref name="before"/> (or at the end); JsonObject has no Insert before .NET 9.</summary>
    private static JsonObject InsertBefore(JsonObject root, string key, JsonNode value, string before)
    {
        if (!root.ContainsKey(before))
        {
            root[key] = value;
            return root;
        }

        var rebuilt = new JsonObject();
        foreach (var pair in root.ToList())
        {
            root.Remove(pair.Key);
            if (pair.Key == before)
            {
                rebuilt[key] = value;
            }

            rebuilt[pair.Key] = pair.Value;
        }

        return rebuilt;
    }

    private static bool TryParse(string text, List<TemplateDiagnostic> diagnostics, out JsonObject root)
    {
        root = null!;
        JsonNode? node;
        try
        {
            node = TemplateJson.Parse(text);
            // JsonObject builds its dictionary lazily; walk it now so duplicate keys fail here.
            Walk(node);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            diagnostics.Add(new(TemplateDiagnosticSeverity.Error, TemplateDiagnosticCodes.InvalidTemplateJson,
                $"the template is not valid JSON ({FirstSentence(ex.Message)}); it is left as it is until fixed",
                line, column));
            return false;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            diagnostics.Add(new(TemplateDiagnosticSeverity.Error, TemplateDiagnosticCodes.InvalidTemplateJson,
                $"the template is not valid JSON ({ex.Message}); it is left as it is until fixed"));
            return false;
        }

        if (node is not JsonObject obj)
        {
            diagnostics.Add(new(TemplateDiagnosticSeverity.Error, TemplateDiagnosticCodes.InvalidTemplateShape,
                "the template's root is not a JSON object; the template is left as it is", 1, 1));
            return false;
        }

        root = obj;
        return true;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var pair in o)
                {
                    Walk(pair.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item);
                }

                break;
        }
    }

    private static string FirstSentence(string message)
    {
        // "... LineNumber: 3 | BytePositionInLine: 4." is reported as the position instead.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd(' ', '.');
    }

    private static TemplateDiagnostic Clash(OwnedResource resource) =>
        new(TemplateDiagnosticSeverity.Warning, TemplateDiagnosticCodes.LogicalIdTakenByUserResource,
            $"the template already has a resource '{resource.LogicalId}' that was not generated (it lacks Metadata.{MetadataKey}.Generated); it is kept as written and the generated {resource.Type} '{resource.LogicalId}' is not written. Rename one of them, or delete the hand-written resource to let the build own it");

    private static JsonObject NewTemplate(string? appName)
    {
        var root = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = TemplateFormatVersion,
            ["Transform"] = SamTransform,
        };
        if (!string.IsNullOrEmpty(appName))
        {
            root["Description"] = $"{appName} (Lambda functions built with Serverless.Analyzers)";
        }

        root["Resources"] = new JsonObject();
        return root;
    }

    /// <summary>SAM resources need the SAM transform: added after AWSTemplateFormatVersion when the user's template lacks it.</summary>
    private static void EnsureSamTransform(ref JsonObject root, Dictionary<string, OwnedResource> desired)
    {
        if (!desired.Values.Any(r => r.Type.StartsWith("AWS::Serverless::", StringComparison.Ordinal)))
        {
            return;
        }

        switch (root["Transform"])
        {
            case JsonValue v when v.TryGetValue(out string? s) && s == SamTransform:
                return;
            case JsonValue v when v.TryGetValue(out string? s):
                root["Transform"] = new JsonArray(s, SamTransform);
                return;
            case JsonArray a when a.Any(x => x is JsonValue v && v.TryGetValue(out string? s) && s == SamTransform):
                return;
            case JsonArray a:
                a.Add(SamTransform);
                return;
            case null when !root.ContainsKey("Transform"):
                // JsonObject has no Insert before .NET 9: rebuild it with Transform after the version.
                var rebuilt = new JsonObject();
                if (!root.ContainsKey("AWSTemplateFormatVersion"))
                {
                    rebuilt["Transform"] = SamTransform;
                }

                foreach (var pair in root.ToList())
                {
                    root.Remove(pair.Key);
                    rebuilt[pair.Key] = pair.Value;
                    if (pair.Key == "AWSTemplateFormatVersion")
                    {
                        rebuilt["Transform"] = SamTransform;
                    }
                }

                root = rebuilt;
                return;
            default:
                // A Transform of another shape (an object, null): the user's business.
                return;
        }
    }

    private static JsonObject Create(OwnedResource resource)
    {
        var properties = new JsonObject();
        foreach (var pair in resource.Properties)
        {
            properties[pair.Key] = pair.Value.DeepClone();
        }

        var metadata = new JsonObject();
        foreach (var pair in resource.MetadataDefaults)
        {
            metadata[pair.Key] = pair.Value.DeepClone();
        }

        metadata[MetadataKey] = Mark(resource);
        return new JsonObject
        {
            ["Type"] = resource.Type,
            ["Properties"] = properties,
            ["Metadata"] = metadata,
        };
    }

    private static void Update(JsonObject existing, OwnedResource resource)
    {
        SetIfDifferent(existing, "Type", JsonValue.Create(resource.Type));

        var metadata = (JsonObject)existing["Metadata"]!;
        var mark = (JsonObject)metadata[MetadataKey]!;
        var previous = new HashSet<string>(StringComparer.Ordinal);
        if (mark["Properties"] is JsonArray written)
        {
            foreach (var item in written)
            {
                if (item is JsonValue v && v.TryGetValue(out string? name) && name is not null)
                {
                    previous.Add(name);
                }
            }
        }

        if (existing["Properties"] is not JsonObject properties)
        {
            properties = new JsonObject();
            existing["Properties"] = properties;
        }

        var now = new HashSet<string>(resource.Properties.Select(p => p.Key), StringComparer.Ordinal);
        foreach (var name in previous)
        {
            if (!now.Contains(name))
            {
                properties.Remove(name);
            }
        }

        foreach (var pair in resource.Properties)
        {
            SetIfDifferent(properties, pair.Key, pair.Value.DeepClone());
        }

        foreach (var pair in resource.MetadataDefaults)
        {
            if (!metadata.ContainsKey(pair.Key))
            {
                metadata[pair.Key] = pair.Value.DeepClone();
            }
        }

        // The mark is the tool's own: rewritten whole, except keys a later version might have added.
        SetIfDifferent(mark, "Generated", JsonValue.Create(true));
        SetIfDifferent(mark, "Properties", PropertyNames(resource));
    }

    private static JsonObject Mark(OwnedResource resource) => new()
    {
        ["Generated"] = true,
        ["Properties"] = PropertyNames(resource),
    };

    private static JsonArray PropertyNames(OwnedResource resource) =>
        new(resource.Properties.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray());

    /// <summary>Sets a key in place (its position is kept; a new key is appended).</summary>
    private static void SetIfDifferent(JsonObject obj, string key, JsonNode value)
    {
        if (obj[key] is { } current && JsonNode.DeepEquals(current, value))
        {
            return;
        }

        obj[key] = value;
    }
}
