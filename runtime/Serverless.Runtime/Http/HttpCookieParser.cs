namespace Serverless.Runtime.Http;

/// <summary>Reads request cookies: <c>name=value</c> pairs separated by <c>;</c> (a <c>Cookie</c> header or a 2.0 <c>cookies</c> entry).</summary>
internal static class HttpCookieParser
{
    public static void ParseCookieHeader(string header, HttpValueCollection into)
    {
        var rest = header.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(';');
            var pair = (end < 0 ? rest : rest[..end]).Trim();
            rest = end < 0 ? default : rest[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim().ToString();
            var value = pair[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            into.Add(name, value.IndexOf('%') >= 0 ? Uri.UnescapeDataString(value.ToString()) : value.ToString());
        }
    }
}
