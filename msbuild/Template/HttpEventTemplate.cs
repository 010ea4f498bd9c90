using System.Text;
using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// The <c>Events</c> of a function with <c>[HttpApi]</c>/<c>[RestApi]</c> routes (the manifest's <c>http</c>): one
/// SAM event per route, on SAM's implicit APIs (<c>ServerlessHttpApi</c> for <c>HttpApi</c> events with payload format
/// 2.0, <c>ServerlessRestApi</c> for <c>Api</c> events). Event names come from the method and path
/// (<c>GET /orders/{id}</c> -> <c>GetOrdersId</c>), unique within the function.
/// </summary>
public static class HttpEventTemplate
{
    /// <summary>The function's <c>Events</c> object, or null when it has no routes.</summary>
    public static JsonObject? Events(ManifestFunction function)
    {
        if (function.Raw?["http"] is not JsonArray routes || routes.Count == 0)
        {
            return null;
        }

        var events = new JsonObject();
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not JsonObject route
                || route["method"]?.GetValue<string>() is not { Length: > 0 } method
                || route["path"]?.GetValue<string>() is not { Length: > 0 } path)
            {
                throw new ManifestException($"$.functions[{function.Name}].http[{i}] needs 'method' and 'path'");
            }

            var rest = route["api"]?.GetValue<string>() == "RestApi";
            var properties = new JsonObject { ["Method"] = method, ["Path"] = path };
            if (!rest)
            {
                properties["PayloadFormatVersion"] = "2.0";
            }

            var name = EventName(method, path);
            var unique = name;
            for (var n = 2; events.ContainsKey(unique); n++)
            {
                unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            events[unique] = new JsonObject { ["Type"] = rest ? "Api" : "HttpApi", ["Properties"] = properties };
        }

        return events;
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
