using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// What <c>[Environment(key, FromParameter = ...)]</c> and <c>FromSecret</c> add to a function: read access to the
/// parameter (SAM's <c>SSMParameterReadPolicy</c>) or the secret (<c>AWSSecretsManagerGetSecretValuePolicy</c>) and the
/// AWS Parameters and Secrets Lambda Extension layer through which the runtime resolves them. The layer's ARN depends on
/// the region and the architecture, so it is a template parameter (<see cref="ExtensionLayerParameterWriter"/>).
/// </summary>
public static class EnvironmentReferenceTemplate
{
    /// <summary>The template parameter of the extension layer for x86_64 functions.</summary>
    public const string LayerParameter = "ParametersSecretsExtensionLayerArn";

    /// <summary>The template parameter of the extension layer for arm64 functions.</summary>
    public const string Arm64LayerParameter = "ParametersSecretsExtensionArm64LayerArn";

    public const string ExtensionDocs = "https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html#ps-integration-lambda-extensions-add";

    /// <summary>Whether the function resolves references (a Lambda@Edge function has no environment, so none).</summary>
    public static bool HasReferences(ManifestFunction f) =>
        !f.IsEdge && (f.ParameterReferences is { Count: > 0 } || f.SecretReferences is { Count: > 0 });

    /// <summary>The layer parameter the function's architecture needs.</summary>
    public static string LayerParameterFor(ManifestFunction f) =>
        string.Equals(f.Architecture, "arm64", StringComparison.OrdinalIgnoreCase) ? Arm64LayerParameter : LayerParameter;

    /// <summary>The user's policies, then one policy template per parameter and secret (each once); null when none.</summary>
    public static JsonArray? Policies(ManifestFunction f)
    {
        var policies = new List<JsonNode>();
        foreach (var policy in f.Policies ?? Array.Empty<string>())
        {
            policies.Add(JsonValue.Create(policy));
        }

        if (HasReferences(f))
        {
            foreach (var name in (f.ParameterReferences ?? []).Select(p => p.Value).Distinct(StringComparer.Ordinal))
            {
                // The policy template builds arn:...:parameter/${ParameterName}: the name without its leading slash.
                policies.Add(new JsonObject
                {
                    ["SSMParameterReadPolicy"] = new JsonObject { ["ParameterName"] = name.TrimStart('/') },
                });
            }

            foreach (var id in (f.SecretReferences ?? []).Select(s => s.Value).Distinct(StringComparer.Ordinal))
            {
                policies.Add(new JsonObject
                {
                    ["AWSSecretsManagerGetSecretValuePolicy"] = new JsonObject { ["SecretArn"] = SecretArn(id) },
                });
            }
        }

        return policies.Count == 0 ? null : new JsonArray(policies.ToArray());
    }

    /// <summary>The extension layer, from the template parameter; null when the function resolves nothing.</summary>
    public static JsonArray? Layers(ManifestFunction f) =>
        HasReferences(f) ? new JsonArray(new JsonObject { ["Ref"] = LayerParameterFor(f) }) : null;

    /// <summary>
    /// A secret ARN stays as it is; a name becomes the ARN of that name in the stack's account and region, with
    /// <c>-??????</c> for the six random characters Secrets Manager appends to every secret's ARN.
    /// </summary>
    public static JsonNode SecretArn(string id) =>
        id.StartsWith("arn:", StringComparison.Ordinal)
            ? JsonValue.Create(id)
            : new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:" + id.Replace("${", "${!") + "-??????" };
}

/// <summary>
/// The template parameters of the extension layer, once per architecture that some function with references uses.
/// </summary>
public sealed class ExtensionLayerParameterWriter : ITemplateParameterWriter
{
    public IEnumerable<OwnedParameter> Write(ServerlessManifest manifest, TemplateOptions options)
    {
        var needed = manifest.Functions.Where(EnvironmentReferenceTemplate.HasReferences)
            .Select(EnvironmentReferenceTemplate.LayerParameterFor)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p == EnvironmentReferenceTemplate.LayerParameter ? 0 : 1);
        foreach (var name in needed)
        {
            var architecture = name == EnvironmentReferenceTemplate.LayerParameter ? "x86_64" : "arm64";
            yield return new OwnedParameter(name, new KeyValuePair<string, JsonNode>[]
            {
                new("Type", "String"),
                new("Description", $"ARN of the AWS Parameters and Secrets Lambda Extension layer ({architecture}) in the deployment region, for functions with [Environment(..., FromParameter/FromSecret)]; the ARN of each region is listed at {EnvironmentReferenceTemplate.ExtensionDocs}"),
                new("AllowedPattern", "^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[A-Za-z0-9-_]+:[0-9]+$"),
            });
        }
    }
}
