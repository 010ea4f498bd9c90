namespace Serverless.Runtime.Http;

/// <summary>
/// The request line and headers of one request on a local API server connection, and how its body is framed.
/// </summary>
/// <param name="Method">The method as sent (a token; compared ignoring case when routing).</param>
/// <param name="Target">The path and query as sent (origin form).</param>
/// <param name="Protocol"><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</param>
/// <param name="Headers">The headers in arrival order (a name may repeat).</param>
/// <param name="ContentLength">The declared body length, or -1 when there is no <c>Content-Length</c>.</param>
/// <param name="Chunked">The body comes in chunks (<c>Transfer-Encoding: chunked</c>).</param>
/// <param name="KeepAlive">Another request may follow on the connection.</param>
/// <param name="ExpectContinue">The client waits for <c>100 Continue</c> before sending the body.</param>
internal sealed record LocalHttpRequestHead(
    string Method,
    string Target,
    string Protocol,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    long ContentLength,
    bool Chunked,
    bool KeepAlive,
    bool ExpectContinue)
{
    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether the request has a body to read.</summary>
    public bool HasBody => Chunked || ContentLength > 0;
}
