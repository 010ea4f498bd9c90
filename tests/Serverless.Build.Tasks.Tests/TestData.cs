using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;

namespace Serverless.Build.Tasks.Tests;

internal static class TestData
{
    /// <summary>The manifest of docs/design/contracts.md, plus a second, minimal function.</summary>
    public const string OrdersManifestJson = """
        {
          "version": 1,
          "app": { "name": "orders", "runtime": "provided.al2023", "tags": { "team": "core" } },
          "functions": [
            {
              "name": "OrdersApiCreate",
              "handler": "OrdersApiCreate",
              "method": "Orders.OrdersApi.Create",
              "runtime": "provided.al2023",
              "architecture": "arm64",
              "memorySize": 512,
              "timeout": 10,
              "ephemeralStorage": 1024,
              "reservedConcurrency": 5,
              "tracing": "Active",
              "role": "arn:aws:iam::123456789012:role/x",
              "policies": [ "AWSLambdaBasicExecutionRole" ],
              "description": "Creates an order",
              "environment": { "STAGE": "prod" },
              "tags": { "team": "core" }
            },
            {
              "name": "OrdersApiGet",
              "handler": "OrdersApiGet",
              "method": "Orders.OrdersApi.Get"
            }
          ]
        }
        """;

    public static ServerlessManifest Orders => ServerlessManifest.Parse(OrdersManifestJson);

    public static TemplateOptions Options => new();

    /// <summary>A manifest of functions given as (name, extra JSON members).</summary>
    public static ServerlessManifest Functions(params (string Name, string Members)[] functions)
    {
        var items = string.Join(",", functions.Select(f =>
            $$"""{"name": "{{f.Name}}", "handler": "{{f.Name}}", "method": "App.Handlers.{{f.Name}}"{{(f.Members.Length > 0 ? ", " + f.Members : "")}}}"""));
        return ServerlessManifest.Parse($$"""{"version": 1, "app": {"name": "app"}, "functions": [{{items}}]}""");
    }

    public static string Merge(string? existing, ServerlessManifest manifest)
    {
        var result = TemplateMerger.Merge(existing, manifest, Options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Text);
        return result.Text!;
    }

    public static JsonObject ParseJson(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Resources(string text) => ParseJson(text)["Resources"]!.AsObject();

    public static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToArray();

    /// <summary>Edits a template as a user would: parse, change, write back 2-space JSON with a final newline.</summary>
    public static string Edit(string text, Action<JsonObject> edit)
    {
        var root = ParseJson(text);
        edit(root);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
