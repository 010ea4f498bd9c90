using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Generators.Tests.Infrastructure;

/// <summary>The manifest a generator run put in <c>[assembly: ServerlessManifest]</c>, read the way tests need it.</summary>
internal static class GeneratedManifest
{
    public static string Json(GeneratorTestResult result)
    {
        var attribute = result.Output.Assembly.GetAttributes().Single(a => a.AttributeClass?.Name == "ServerlessManifestAttribute");
        return (string)attribute.ConstructorArguments[0].Value!;
    }

    public static JsonDocument Read(GeneratorTestResult result) => JsonDocument.Parse(Json(result));

    /// <summary>Each function's entry by name.</summary>
    public static Dictionary<string, JsonElement> Functions(GeneratorTestResult result)
    {
        using var document = Read(result);
        return document.RootElement.GetProperty("functions").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    /// <summary>
    /// A function's <c>http</c> entries as JSON with only what the template uses (method, path, api, auth), leaving
    /// the OpenAPI facts to the tests about them.
    /// </summary>
    public static string Routes(JsonElement function)
    {
        var routes = function.GetProperty("http").EnumerateArray().Select(route =>
        {
            var kept = new Dictionary<string, JsonElement>();
            foreach (var name in new[] { "method", "path", "api", "auth" })
            {
                if (route.TryGetProperty(name, out var value))
                {
                    kept[name] = value;
                }
            }

            return kept;
        });
        return JsonSerializer.Serialize(routes, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
