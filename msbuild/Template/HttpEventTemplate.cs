using System.Text;
using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>One route of the manifest's <c>http</c>: method, path, API kind and auth (null for a public route).</summary>
public sealed record HttpRoute(string Method, string Path, bool IsRest, ManifestRouteAuth? Auth);

/// <summary>
/// The <c>Events</c> of a function with <c>[HttpApi]</c>/<c>[RestApi]</c> routes (the manifest's <c>http</c>): one
/// SAM event per route, on the app's explicit APIs (<see cref="ApiResourceWriter"/>): <c>HttpApi</c> events (payload
/// format 2.0) reference <c>HttpApi</c>, <c>Api</c> events reference <c>RestApi</c>. A route that requires auth gets
/// <c>Auth.Authorizer</c> (and <c>AuthorizationScopes</c>); REST routes of an API that requires API keys get
/// <c>Auth.ApiKeyRequired</c>. Event names come from the method and path (<c>GET /orders/{id}</c> -> <c>GetOrdersId</c>),
/// unique within the function.
/// </summary>
public static class HttpEventTemplate
{
    /// <summary>The routes of a function, in the manifest's order; throws <see cref="ManifestException"/> on a malformed one.</summary>
    public static IEnumerable<HttpRoute> Routes(ManifestFunction function)
    {
        if (function.Raw?["http"] is not JsonArray routes)
        {
            yield break;
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var path = $"$.functions[{function.Name}].http[{i}]";
            if (routes[i] is not JsonObject route
                || route["method"]?.GetValue<string>() is not { Length: > 0 } method
                || route["path"]?.GetValue<string>() is not { Length: > 0 } routePath)
            {
                throw new ManifestException($"{path} needs 'method' and 'path'");
            }

            yield return new HttpRoute(method, routePath, route["api"]?.GetValue<string>() == "RestApi", ManifestApi.ReadRouteAuth(route, path));
        }
    }

    /// <summary>Every route of the app with its function.</summary>
    public static IEnumerable<(ManifestFunction Function, HttpRoute Route)> Routes(ServerlessManifest manifest) =>
        manifest.Functions.SelectMany(f => Routes(f).Select(r => (f, r)));

    /// <summary>The function's <c>Events</c> object, or null when it has no routes.</summary>
    public static JsonObject? Events(ManifestFunction function, ManifestApi? api = null)
    {
        var events = new JsonObject();
        foreach (var route in Routes(function))
        {
            var properties = new JsonObject
            {
                ["Method"] = route.Method,
                ["Path"] = route.Path,
            };
            if (route.IsRest)
            {
                properties["RestApiId"] = new JsonObject { ["Ref"] = ApiResourceWriter.RestApiLogicalId };
            }
            else
            {
                properties["ApiId"] = new JsonObject { ["Ref"] = ApiResourceWriter.HttpApiLogicalId };
                properties["PayloadFormatVersion"] = "2.0";
            }

            var auth = new JsonObject();
            if (route.Auth is { } requirement)
            {
                auth["Authorizer"] = requirement.Authorizer;
                if (requirement.Scopes.Count > 0)
                {
                    auth["AuthorizationScopes"] = new JsonArray(requirement.Scopes.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
                }
            }

            if (route.IsRest && api?.RestApi is { ApiKeyRequired: true })
            {
                auth["ApiKeyRequired"] = true;
            }

            if (auth.Count > 0)
            {
                properties["Auth"] = auth;
            }

            var name = EventName(route.Method, route.Path);
            var unique = name;
            for (var n = 2; events.ContainsKey(unique); n++)
            {
                unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            events[unique] = new JsonObject { ["Type"] = route.IsRest ? "Api" : "HttpApi", ["Properties"] = properties };
        }

        return events.Count == 0 ? null : events;
    }

    /// <summary>A logical name from the method and the path's words: <c>GET /orders/{id}</c> -> <c>GetOrdersId</c>, <c>/</c> -> <c>GetRoot</c>.</summary>
    public static string EventName(string method, string path)
    {
        var name = new StringBuilder();
        AppendWord(name, method.ToLowerInvariant());
        var start = name.Length;
        var word = new StringBuilder();
        foreach (var c in path)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(name, word.ToString());
                word.Clear();
            }
        }

        AppendWord(name, word.ToString());
        if (name.Length == start)
        {
            name.Append("Root");
        }

        return name.ToString();
    }

    private static void AppendWord(StringBuilder name, string word)
    {
        if (word.Length > 0)
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }
    }
}
