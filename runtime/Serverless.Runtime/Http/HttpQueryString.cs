using System.Text;

namespace Serverless.Runtime.Http;

/// <summary>Reads and writes <c>application/x-www-form-urlencoded</c> query strings.</summary>
internal static class HttpQueryString
{
    /// <summary>Adds the pairs of <paramref name="query"/> (without <c>?</c>) in order; repeated names keep every value.</summary>
    public static void Parse(string query, HttpValueCollection into)
    {
        var span = query.AsSpan();
        if (span.StartsWith("?"))
        {
            span = span[1..];
        }

        while (!span.IsEmpty)
        {
            var end = span.IndexOf('&');
            var pair = end < 0 ? span : span[..end];
            span = end < 0 ? default : span[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            if (name.Length == 0)
            {
                continue;
            }

            into.Add(name, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]));
        }
    }

    /// <summary>The pairs as a query string (no <c>?</c>), percent-encoded.</summary>
    public static string Format(HttpValueCollection query)
    {
        if (query.ValueCount == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in query)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>Percent-decodes a name or value; <c>+</c> is a space.</summary>
    public static string Decode(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('+', '%') < 0)
        {
            return text.ToString();
        }

        var plusless = text.ToString().Replace('+', ' ');
        return Uri.UnescapeDataString(plusless);
    }
}
