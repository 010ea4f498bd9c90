using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;

namespace Serverless.Build.Tasks.OpenApi;

/// <summary>What the OpenAPI document should be, and what was odd about the manifest.</summary>
/// <param name="Text">The document, or null when the app has no HTTP routes.</param>
/// <param name="Warnings">Routes left out (the same method and path twice).</param>
public sealed record OpenApiDocumentResult(string? Text, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes <c>openapi.json</c> (OpenAPI 3.0.3) from the manifest, as a pure function of (manifest, options): one path
/// item per route template and one operation per route, with the parameters, request body and responses the
/// generator wrote per route and the root <c>schemas</c> as <c>components.schemas</c>; security from the auth
/// contract. <c>ANY</c> is API Gateway's <c>x-amazon-apigateway-any-method</c>; a greedy <c>{proxy+}</c> stays in the
/// path as API Gateway writes it.
/// </summary>
public static class OpenApiDocumentWriter
{
    public const string OpenApiVersion = "3.0.3";
    public const string AnyMethodExtension = "x-amazon-apigateway-any-method";

    /// <summary>Which API (<c>HttpApi</c>/<c>RestApi</c>) serves an operation; on every operation this writer makes.</summary>
    public const string ApiExtension = "x-serverless-api";

    private static readonly string[] MethodOrder = { "get", "put", "post", "delete", "options", "head", "patch", "trace", AnyMethodExtension };

    public static OpenApiDocumentResult Write(ServerlessManifest manifest, OpenApiOptions options)
    {
        var warnings = new List<string>();
        var authorizers = ReadAuthorizers(manifest.Raw);
        var schemes = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var paths = new SortedDictionary<string, Dictionary<string, JsonObject>>(StringComparer.Ordinal);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var function in manifest.Functions)
        {
            if (function.Raw?["http"] is not JsonArray routes)
            {
                continue;
            }

            var tag = Tag(function, routes);
            foreach (var node in routes)
            {
                if (node is not JsonObject route || Text(route, "method") is not { } method || Text(route, "path") is not { } path)
                {
                    throw new ManifestException($"$.functions[{function.Name}].http needs 'method' and 'path' in every entry");
                }

                var key = method.Equals("ANY", StringComparison.OrdinalIgnoreCase) ? AnyMethodExtension : method.ToLowerInvariant();
                if (!paths.TryGetValue(path, out var item))
                {
                    paths[path] = item = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
                }

                if (item.ContainsKey(key))
                {
                    warnings.Add($"{method} {path} of function '{function.Name}' is already documented by another function; it is left out of the OpenAPI document.");
                    continue;
                }

                // A class function's routes are named after the function and the method serving each.
                var operationName = function.Name + (Text(route, "handler") is { } handler ? handler : "");
                item[key] = Operation(function, tag, route, UniqueOperationId(operationName, operationIds), authorizers, schemes);
            }
        }

        if (paths.Count == 0)
        {
            return new OpenApiDocumentResult(null, warnings);
        }

        var document = new JsonObject
        {
            ["openapi"] = OpenApiVersion,
            ["info"] = new JsonObject
            {
                ["title"] = manifest.App.Name ?? options.FallbackTitle ?? "app",
                ["version"] = string.IsNullOrWhiteSpace(options.Version) ? "1.0.0" : options.Version!.Trim(),
            },
        };

        var pathsNode = new JsonObject();
        foreach (var (path, operations) in paths)
        {
            var item = new JsonObject();
            foreach (var method in MethodOrder.Where(operations.ContainsKey))
            {
                item[method] = operations[method];
            }

            pathsNode[path] = item;
        }

        document["paths"] = pathsNode;
        var components = new JsonObject();
        if (manifest.Raw["schemas"] is JsonObject schemas && schemas.Count > 0)
        {
            components["schemas"] = schemas.DeepClone();
        }

        if (schemes.Count > 0)
        {
            components["securitySchemes"] = new JsonObject(schemes.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value)));
        }

        if (components.Count > 0)
        {
            document["components"] = components;
        }

        return new OpenApiDocumentResult(TemplateJson.Serialize(document, options.NewLine), warnings);
    }

    private static JsonObject Operation(ManifestFunction function, string tag, JsonObject route, string operationId,
        IReadOnlyDictionary<string, JsonObject> authorizers, IDictionary<string, JsonObject> schemes)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["operationId"] = operationId,
        };
        if (Text(route, "api") is "RestApi" or "HttpApi")
        {
            // Which API Gateway API serves it: a REST API (payload 1.0) or an HTTP API (payload 2.0).
            operation[ApiExtension] = Text(route, "api");
        }

        foreach (var name in new[] { "parameters", "requestBody" })
        {
            if (route[name] is { } value)
            {
                operation[name] = value.DeepClone();
            }
        }

        operation["responses"] = route["responses"] is JsonObject { Count: > 0 } responses
            ? responses.DeepClone()
            : new JsonObject { ["default"] = new JsonObject { ["description"] = "The function's response" } };

        if (route["auth"] is JsonObject auth && Text(auth, "authorizer") is { } authorizer)
        {
            string schemeName;
            var takesScopes = false;
            if (authorizer == OpenApiSecuritySchemes.Iam)
            {
                schemeName = OpenApiSecuritySchemes.IamSchemeName;
                schemes[schemeName] = OpenApiSecuritySchemes.IamScheme();
            }
            else
            {
                schemeName = authorizer;
                (var scheme, takesScopes) = OpenApiSecuritySchemes.ForAuthorizer(authorizers.TryGetValue(authorizer, out var declared) ? declared : null);
                schemes[schemeName] = scheme;
            }

            // OpenAPI 3.0: scopes only for OAuth2 and OpenID Connect schemes; others take an empty list.
            var scopes = new JsonArray();
            if (takesScopes && auth["scopes"] is JsonArray listed)
            {
                foreach (var scope in listed)
                {
                    if (scope is JsonValue v && v.TryGetValue(out string? s) && s is not null)
                    {
                        scopes.Add(s);
                    }
                }
            }

            operation["security"] = new JsonArray(new JsonObject { [schemeName] = scopes });
        }

        return operation;
    }

    /// <summary>
    /// The function's class: from <c>method</c>, <c>Namespace.Type.Method</c> (a class function, whose routes name
    /// their <c>handler</c>: <c>Namespace.Type</c>), else the function's name.
    /// </summary>
    private static string Tag(ManifestFunction function, JsonArray routes)
    {
        var method = function.Method;
        var isClassFunction = routes.Any(r => r is JsonObject route && Text(route, "handler") is not null);
        var type = isClassFunction ? method : method?.LastIndexOf('.') is > 0 and var lastDot ? method[..lastDot] : null;
        return string.IsNullOrEmpty(type) ? function.Name : type![(type!.LastIndexOf('.') + 1)..];
    }

    private static string UniqueOperationId(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static Dictionary<string, JsonObject> ReadAuthorizers(JsonObject root)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (root["authorizers"] is JsonArray authorizers)
        {
            foreach (var node in authorizers)
            {
                if (node is JsonObject authorizer && Text(authorizer, "name") is { } name)
                {
                    result.TryAdd(name, authorizer);
                }
            }
        }

        return result;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s) ? s : null;
}
