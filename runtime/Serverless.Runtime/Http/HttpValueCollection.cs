using System.Collections;

namespace Serverless;

/// <summary>
/// Names with one or more string values each, in the order they arrived: query parameters, headers, cookies,
/// route values. A repeated name keeps every value. Query and route names compare ordinally; header names
/// ignore case.
/// </summary>
public sealed class HttpValueCollection : IEnumerable<KeyValuePair<string, string>>
{
    private static readonly string[] NoValues = [];

    private readonly List<KeyValuePair<string, string>> _entries = [];
    private readonly StringComparer _comparer;
    private Dictionary<string, List<string>>? _index;
    private int _nameCount;

    /// <summary>An empty collection whose names compare with <paramref name="comparer"/> (ordinal by default).</summary>
    public HttpValueCollection(StringComparer? comparer = null)
    {
        _comparer = comparer ?? StringComparer.Ordinal;
    }

    /// <summary>An empty collection whose names ignore case (headers).</summary>
    public static HttpValueCollection IgnoringCase() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The number of distinct names.</summary>
    public int Count => _nameCount;

    /// <summary>The number of name/value pairs (a repeated name counts once per value).</summary>
    public int ValueCount => _entries.Count;

    /// <summary>The first value of <paramref name="name"/>, or null when it is absent.</summary>
    public string? this[string name] => TryGetValues(name, out var values) ? values[0] : null;

    /// <summary>The distinct names, in the order they first arrived.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            var seen = new HashSet<string>(_comparer);
            foreach (var entry in _entries)
            {
                if (seen.Add(entry.Key))
                {
                    yield return entry.Key;
                }
            }
        }
    }

    /// <summary>Adds a value (after any values the name already has).</summary>
    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(new KeyValuePair<string, string>(name, value));
        var index = Index();
        if (index.TryGetValue(name, out var values))
        {
            values.Add(value);
        }
        else
        {
            index[name] = [value];
            _nameCount++;
        }
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="value"/>.</summary>
    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    /// <summary>Removes every value of <paramref name="name"/>; true when there was one.</summary>
    public bool Remove(string name)
    {
        if (_index is null || !_index.Remove(name))
        {
            return false;
        }

        _entries.RemoveAll(e => _comparer.Equals(e.Key, name));
        _nameCount--;
        return true;
    }

    /// <summary>True when <paramref name="name"/> has at least one value.</summary>
    public bool Contains(string name) => _index is not null && _index.ContainsKey(name);

    /// <summary>Every value of <paramref name="name"/> in arrival order; empty when it is absent.</summary>
    public IReadOnlyList<string> GetValues(string name) =>
        TryGetValues(name, out var values) ? values : NoValues;

    /// <summary>The values of <paramref name="name"/>, when it has any.</summary>
    public bool TryGetValues(string name, out IReadOnlyList<string> values)
    {
        if (_index is not null && _index.TryGetValue(name, out var list))
        {
            values = list;
            return true;
        }

        values = NoValues;
        return false;
    }

    /// <summary>The name/value pairs in arrival order (a repeated name appears once per value).</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, List<string>> Index() => _index ??= new Dictionary<string, List<string>>(_comparer);
}
