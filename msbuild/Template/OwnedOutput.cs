using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// A template output the tool owns (listed in the template's <c>Metadata.ServerlessAnalyzers.Outputs</c>): the
/// properties it sets (a user's <c>Export</c> and other keys are kept). An output of the user's with the same name is
/// theirs and is left as it is.
/// </summary>
public sealed class OwnedOutput
{
    public OwnedOutput(string name, IReadOnlyList<KeyValuePair<string, JsonNode>> properties)
    {
        Name = name;
        Properties = properties;
    }

    public string Name { get; }
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; }
}

/// <summary>Turns the manifest into the template outputs the tool owns.</summary>
public interface ITemplateOutputWriter
{
    IEnumerable<OwnedOutput> Write(ServerlessManifest manifest, TemplateOptions options);
}

/// <summary>
/// <c>HttpApiUrl</c> and <c>RestApiUrl</c>: the invoke URL of each API the template has
/// (<c>https://&lt;id&gt;.execute-api.&lt;region&gt;.&lt;suffix&gt;/&lt;stage&gt;</c>; an HTTP API's <c>$default</c> stage has no path).
/// </summary>
public sealed class ApiUrlOutputWriter : ITemplateOutputWriter
{
    public IEnumerable<OwnedOutput> Write(ServerlessManifest manifest, TemplateOptions options)
    {
        var routes = HttpEventTemplate.Routes(manifest).Select(r => r.Route).ToList();
        if (routes.Any(r => !r.IsRest))
        {
            var stage = manifest.Api.HttpApi?.StageName is { Length: > 0 } s && s != "$default" ? "/" + s : "";
            yield return Url("HttpApiUrl", "The HTTP API's invoke URL", ApiResourceWriter.HttpApiLogicalId, stage);
        }

        if (routes.Any(r => r.IsRest))
        {
            var stage = manifest.Api.RestApi?.StageName is { Length: > 0 } s ? s : ApiResourceWriter.DefaultRestStageName;
            yield return Url("RestApiUrl", "The REST API's invoke URL", ApiResourceWriter.RestApiLogicalId, "/" + stage);
        }
    }

    private static OwnedOutput Url(string name, string description, string api, string stagePath) => new(name, new KeyValuePair<string, JsonNode>[]
    {
        new("Description", description),
        new("Value", new JsonObject { ["Fn::Sub"] = $"https://${{{api}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}{stagePath}" }),
    });
}
