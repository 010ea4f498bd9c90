using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Serverless.Build.Tasks.Tests;

/// <summary>
/// The SAM JSON Schema (../shared/schemas/sam.schema.json), checked resource by resource against the definition of
/// the resource's type. The file is draft-04, which JsonSchema.Net 7.4.0 does not evaluate; the keywords it uses
/// ($ref, definitions, type, properties, additionalProperties, required, items, enum, allOf, anyOf, pattern) mean
/// the same in draft-07, so the loaded copy declares draft-07 and gets an <c>$id</c> (registered in the global schema registry) for
/// the per-type <c>$ref</c>s to resolve against. Nothing else is changed (the file on disk is read-only and left alone).
/// </summary>
internal static class SamSchema
{
    private const string SchemaId = "https://serverless-analyzers.test/sam.schema.json";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private static readonly Lazy<JsonObject> Definitions = new(Load);
    private static readonly Dictionary<string, JsonSchema> ByType = new(StringComparer.Ordinal);

    /// <summary>
    /// The definition of a resource type (AWS::Serverless::Function -> samtranslator__..._aws_serverless_function__Resource),
    /// found by the <c>Type</c> enum each resource definition declares.
    /// </summary>
    public static string? DefinitionFor(string resourceType)
    {
        foreach (var pair in Definitions.Value)
        {
            if (pair.Key.EndsWith("__Resource", StringComparison.Ordinal)
                && pair.Value?["properties"]?["Type"]?["enum"] is JsonArray types
                && types.Any(t => t?.GetValue<string>() == resourceType))
            {
                return pair.Key;
            }
        }

        return null;
    }

    /// <summary>Errors of one resource (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(string resourceType, JsonNode resource)
    {
        var definition = DefinitionFor(resourceType);
        if (definition is null)
        {
            return new[] { $"the SAM schema has no definition for {resourceType}" };
        }

        JsonSchema schema;
        lock (ByType)
        {
            if (!ByType.TryGetValue(definition, out schema!))
            {
                schema = JsonSchema.FromText($$"""{"$schema": "{{Draft07}}", "$ref": "{{SchemaId}}#/definitions/{{definition}}"}""");
                ByType[definition] = schema;
            }
        }

        var results = schema.Evaluate(resource, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            EvaluateAs = SpecVersion.Draft7,
        });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        var errors = new List<string>();
        foreach (var detail in results.Details)
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var error in detail.Errors)
            {
                errors.Add($"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key}: {error.Value}");
            }
        }

        return errors.Count > 0 ? errors : new[] { "invalid (no details)" };
    }

    /// <summary>Errors of every AWS::Serverless::* resource of a template, prefixed with the logical ID.</summary>
    public static IReadOnlyList<string> ValidateServerlessResources(string templateText)
    {
        var root = JsonNode.Parse(templateText)!.AsObject();
        var errors = new List<string>();
        foreach (var pair in root["Resources"]!.AsObject())
        {
            var type = pair.Value!["Type"]!.GetValue<string>();
            if (type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
            {
                errors.AddRange(Validate(type, pair.Value).Select(e => $"{pair.Key}: {e}"));
            }
        }

        return errors;
    }

    private static JsonObject Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(RepoPaths.SamSchema))!.AsObject();
        if (root["$schema"]?.GetValue<string>() != "http://json-schema.org/draft-04/schema#")
        {
            throw new InvalidOperationException("sam.schema.json is no longer draft-04: revisit SamSchema's adaptation");
        }

        root["$schema"] = Draft07;
        root["$id"] = SchemaId;
        var schema = JsonSchema.FromText(root.ToJsonString());
        SchemaRegistry.Global.Register(schema);
        return root["definitions"]!.AsObject();
    }
}
