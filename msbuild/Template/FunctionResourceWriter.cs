using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>One <c>AWS::Serverless::Function</c> per manifest function; logical ID = function name.</summary>
public sealed class FunctionResourceWriter : IResourceWriter
{
    public const string ResourceType = "AWS::Serverless::Function";
    public const string DefaultRuntime = "provided.al2023";
    public const string BuildMethod = "dotnet7";

    /// <summary>The alias SAM publishes a version under for Lambda@Edge functions (<c>AutoPublishAlias</c>).</summary>
    public const string EdgeAlias = "live";

    private static readonly Regex LogicalIdWithArn = new("^(?<id>[A-Za-z0-9]+)(\\.Arn)?$", RegexOptions.CultureInvariant);

    public IEnumerable<OwnedResource> Write(ServerlessManifest manifest, TemplateOptions options)
    {
        foreach (var function in manifest.Functions)
        {
            yield return Write(function, manifest.App, manifest.Api, options);
        }
    }

    private static OwnedResource Write(ManifestFunction f, ManifestApp app, ManifestApi api, TemplateOptions options)
    {
        var p = new List<KeyValuePair<string, JsonNode>>();
        void Add(string name, JsonNode value) => p.Add(new(name, value));

        Add("Handler", f.Handler ?? f.Name);
        Add("Runtime", f.Runtime ?? app.Runtime ?? DefaultRuntime);
        Add("CodeUri", options.CodeUri);
        Add("Architectures", new JsonArray(Architecture(f.Architecture)));
        if (f.MemorySize is { } memory)
        {
            Add("MemorySize", memory);
        }

        if (f.Timeout is { } timeout)
        {
            Add("Timeout", timeout);
        }

        if (f.EphemeralStorage is { } storage)
        {
            Add("EphemeralStorage", new JsonObject { ["Size"] = storage });
        }

        if (f.ReservedConcurrency is { } reserved and >= 0)
        {
            Add("ReservedConcurrentExecutions", reserved);
        }

        if (f.Role is { Length: > 0 } role)
        {
            Add("Role", Role(role));
        }

        // The user's policies, read access to the parameters and secrets of [Environment] references, rds-db:connect.
        var policies = EnvironmentReferenceTemplate.Policies(f);
        if (RdsProxyTemplate.Applies(f))
        {
            (policies ??= new JsonArray()).Add(RdsProxyTemplate.Policy(f.RdsProxy!, options.ExistingResources));
        }

        if (policies is not null)
        {
            Add("Policies", policies);
        }

        if (f.Description is { Length: > 0 } description)
        {
            Add("Description", description);
        }

        if (f.Tracing is { Length: > 0 } tracing)
        {
            Add("Tracing", tracing);
        }

        // Lambda@Edge: CloudFront associates a function version, never $LATEST, and rejects one with environment
        // variables (SLS1110 reports them in the code).
        if (f.IsEdge)
        {
            Add("AutoPublishAlias", EdgeAlias);
        }

        if ((f.Environment is { Count: > 0 } || RdsProxyTemplate.Applies(f)) && !f.IsEdge)
        {
            var variables = Map(f.Environment ?? Array.Empty<KeyValuePair<string, string>>());
            if (RdsProxyTemplate.Applies(f))
            {
                // The manifest holds a stand-in of the endpoint's length; the template has the endpoint itself.
                variables[f.RdsProxy!.EndpointVariable] = RdsProxyTemplate.Endpoint(f.RdsProxy, options.ExistingResources);
            }

            Add("Environment", new JsonObject { ["Variables"] = variables });
        }

        // The AWS Parameters and Secrets Lambda Extension, through which the runtime resolves the references.
        if (EnvironmentReferenceTemplate.Layers(f) is { } layers)
        {
            Add("Layers", layers);
        }

        if (f.Tags is { Count: > 0 } tags)
        {
            Add("Tags", Map(tags));
        }

        // [HttpApi]/[RestApi] routes: one event per route on the app's HttpApi/RestApi (ApiResourceWriter).
        if (HttpEventTemplate.Events(f, api) is { } events)
        {
            Add("Events", events);
        }

        return new OwnedResource(f.Name, ResourceType, p, new KeyValuePair<string, JsonNode>[]
        {
            new("BuildMethod", BuildMethod),
        });
    }

    private static string Architecture(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "default" or "x86_64" or "x64" => "x86_64",
        "arm64" => "arm64",
        _ => value!,
    };

    /// <summary>An ARN stays a string; a logical ID (<c>MyRole</c> or <c>MyRole.Arn</c>) becomes <c>Fn::GetAtt</c>.</summary>
    private static JsonNode Role(string role)
    {
        var match = LogicalIdWithArn.Match(role);
        return match.Success
            ? new JsonObject { ["Fn::GetAtt"] = new JsonArray(match.Groups["id"].Value, "Arn") }
            : JsonValue.Create(role);
    }

    private static JsonObject Map(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var o = new JsonObject();
        foreach (var pair in pairs)
        {
            o[pair.Key] = pair.Value;
        }

        return o;
    }
}
