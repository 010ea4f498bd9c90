using System.Buffers;
using System.Globalization;
using System.Text;

namespace Serverless.Runtime.Http;

/// <summary>
/// Writes a <see cref="LocalHttpResponse"/> as an HTTP/1.1 response: always framed by <c>Content-Length</c> (none for
/// 1xx, 204 and 304; for HEAD the length the body would have, and no body). Hop-by-hop headers a function returns are
/// dropped, as API Gateway does; so are headers no client could parse (a name that is not a token, a value with a
/// line break), which would otherwise split the response.
/// </summary>
internal static class LocalHttpResponseWriter
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static async Task WriteAsync(Stream stream, LocalHttpResponse response, bool head, bool close,
        Action<string> dropped, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(256);
        text.Append("HTTP/1.1 ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(HttpReasonPhrases.Get(response.StatusCode)).Append("\r\n");
        foreach (var (name, value) in response.Headers)
        {
            if (IsHopByHop(name))
            {
                continue;
            }

            if (!IsValid(name, value))
            {
                dropped(name);
                continue;
            }

            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        foreach (var cookie in response.Cookies)
        {
            if (!IsValid("Set-Cookie", cookie))
            {
                dropped("Set-Cookie");
                continue;
            }

            text.Append("Set-Cookie: ").Append(cookie).Append("\r\n");
        }

        text.Append("Date: ").Append(DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
        var bodiless = response.StatusCode is < 200 or 204 or 304;
        if (!bodiless)
        {
            text.Append("Content-Length: ").Append(response.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (close)
        {
            text.Append("Connection: close\r\n");
        }

        text.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        if (!bodiless && !head && response.Body.Length > 0)
        {
            await stream.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The interim <c>100 Continue</c> a client sending <c>Expect: 100-continue</c> waits for.</summary>
    public static Task WriteContinueAsync(Stream stream, CancellationToken cancellationToken) =>
        stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken).AsTask();

    private static bool IsValid(string name, string value) =>
        name.Length > 0 && name.AsSpan().IndexOfAnyExcept(TokenChars) < 0 && value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;

    private static bool IsHopByHop(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Connection", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Date", StringComparison.OrdinalIgnoreCase);
}
