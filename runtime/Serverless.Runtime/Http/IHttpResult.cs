namespace Serverless;

/// <summary>
/// What an HTTP handler returns: a status code, headers, cookies and a body. <see cref="HttpResults"/> makes the
/// common ones; implement it for anything else (no reflection is involved: the runtime calls these members).
/// </summary>
public interface IHttpResult
{
    /// <summary>The HTTP status code.</summary>
    int StatusCode { get; }

    /// <summary>
    /// Response headers in order; a name may repeat. A <c>Content-Type</c> here wins over the one
    /// <see cref="WriteBody"/> sets. <c>Set-Cookie</c> belongs in <see cref="Cookies"/>.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Cookies to set, each a complete <c>Set-Cookie</c> header value (<c>id=1; Path=/; HttpOnly</c>).</summary>
    IReadOnlyList<string> Cookies { get; }

    /// <summary>Writes the body and its content type; called once, after the handler returns. Write nothing for no body.</summary>
    void WriteBody(HttpBodyWriter body);
}
