namespace Serverless.Runtime.Http;

/// <summary>A real HTTP request as the local API server received it.</summary>
/// <param name="Method">The method, upper case.</param>
/// <param name="RawPath">The path as sent (percent-encoded), without the query.</param>
/// <param name="RawQueryString">The query as sent, without <c>?</c>.</param>
/// <param name="Headers">The headers in arrival order (a name may repeat).</param>
/// <param name="Body">The body bytes.</param>
/// <param name="SourceIp">The client's address.</param>
/// <param name="Host">The <c>Host</c> the client called.</param>
/// <param name="Protocol"><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</param>
internal sealed record LocalHttpRequest(
    string Method,
    string RawPath,
    string RawQueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string SourceIp,
    string Host,
    string Protocol = "HTTP/1.1");
