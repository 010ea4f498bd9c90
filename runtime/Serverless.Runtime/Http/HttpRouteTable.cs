namespace Serverless.Runtime.Http;

/// <summary>
/// Routes (method + template) to values, built once and matched by segment comparison: the function's router and
/// the local API server share it. Routes are tried in precedence order (literal before parameter before greedy,
/// then longer first); <c>ANY</c> matches every method. A path that matches only under other methods is a 405.
/// </summary>
internal sealed class HttpRouteTable<T>
{
    [ThreadStatic]
    private static List<(int Start, int Length)>? t_segments;

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private Entry[] _ordered = [];

    public IReadOnlyList<Entry> Entries => _ordered;

    /// <exception cref="ArgumentException">The method or template is not valid, or the route is already there.</exception>
    public Entry Add(string method, string template, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var normalized = method.Trim().ToUpperInvariant();
        if (!HttpToken.IsToken(normalized))
        {
            throw new ArgumentException($"'{method}' is not a valid HTTP method.", nameof(method));
        }

        var entry = new Entry(normalized, HttpRouteTemplate.Parse(template), value);
        if (!_byKey.TryAdd(entry.Key, entry))
        {
            throw new ArgumentException($"The route '{entry.Key}' is mapped twice.", nameof(template));
        }

        _entries.Add(entry);
        // Stable: among routes of equal precedence the first added wins.
        _ordered = [.. _entries.OrderBy(e => e.Template, Comparer<HttpRouteTemplate>.Create(HttpRouteTemplate.ComparePrecedence))];
        return entry;
    }

    /// <summary>The route whose key is exactly <c>METHOD /template</c> (API Gateway's route key), or null.</summary>
    public Entry? FindByKey(string method, string template)
    {
        if (_byKey.TryGetValue(method + " " + template, out var entry) || _byKey.TryGetValue("ANY " + template, out entry))
        {
            return entry;
        }

        return null;
    }

    /// <summary>Matches a request; route values are added to <paramref name="values"/> on success.</summary>
    public MatchResult Match(string method, string path, bool decode, HttpValueCollection values)
    {
        var segments = t_segments ??= [];
        HttpRouteTemplate.SplitPath(path, segments);
        List<string>? allowed = null;
        foreach (var entry in _ordered)
        {
            var methodMatches = entry.Method == "ANY" || string.Equals(entry.Method, method, StringComparison.OrdinalIgnoreCase);
            if (!entry.Template.TryMatch(path, segments, decode, methodMatches ? values : null))
            {
                continue;
            }

            if (methodMatches)
            {
                return new MatchResult(entry, null);
            }

            allowed ??= [];
            if (!allowed.Contains(entry.Method))
            {
                allowed.Add(entry.Method);
            }
        }

        return new MatchResult(null, allowed);
    }

    /// <summary>One route.</summary>
    public sealed record Entry(string Method, HttpRouteTemplate Template, T Value)
    {
        /// <summary><c>METHOD /template</c>, as in an HTTP API route key.</summary>
        public string Key { get; } = Method + " " + Template.Text;
    }

    /// <summary>The matched route, or the methods the path allows (null when no route has the path).</summary>
    public readonly record struct MatchResult(Entry? Route, List<string>? AllowedMethods);
}
