using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>
/// The result <see cref="HttpResults"/> makes: a status code, an optional body, and headers and cookies added
/// with <see cref="WithHeader"/> and <see cref="WithCookie(string, string, HttpCookieOptions?)"/> (each returns the
/// same result, so calls chain).
/// </summary>
public sealed class HttpResult : IHttpResult
{
    private readonly HttpResultBody? _body;
    private List<KeyValuePair<string, string>>? _headers;
    private List<string>? _cookies;

    internal HttpResult(int statusCode, HttpResultBody? body = null)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status code is between 100 and 599.");
        }

        StatusCode = statusCode;
        _body = body;
    }

    /// <inheritdoc />
    public int StatusCode { get; }

    /// <summary>The value of the body (the object for JSON results, the text, the bytes, the problem); null without one.</summary>
    public object? Value => _body?.Value;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <inheritdoc />
    public IReadOnlyList<string> Cookies => (IReadOnlyList<string>?)_cookies ?? [];

    /// <summary>Adds a header (a name may repeat). Use <see cref="WithCookie(string, string, HttpCookieOptions?)"/> for cookies.</summary>
    /// <exception cref="ArgumentException">The name is not a token, or the value holds CR, LF or NUL.</exception>
    public HttpResult WithHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HttpToken.IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        if (!HttpToken.IsSafeValue(value))
        {
            throw new ArgumentException("A header value cannot contain CR, LF or NUL.", nameof(value));
        }

        if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return WithSetCookie(value);
        }

        (_headers ??= []).Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Sets a cookie: <c>Set-Cookie: name=value</c> with the attributes of <paramref name="options"/>.</summary>
    public HttpResult WithCookie(string name, string value, HttpCookieOptions? options = null) =>
        WithSetCookie(HttpCookieOptions.Format(name, value, options));

    /// <summary>Expires a cookie at once (empty value, <c>Max-Age=0</c>, an <c>Expires</c> in 1970); give the same path and domain it was set with.</summary>
    public HttpResult WithExpiredCookie(string name, string? path = null, string? domain = null) =>
        WithSetCookie(HttpCookieOptions.Format(name, string.Empty, new HttpCookieOptions
        {
            Path = path,
            Domain = domain,
            MaxAge = TimeSpan.Zero,
            Expires = DateTimeOffset.UnixEpoch,
        }));

    /// <summary>Adds a complete <c>Set-Cookie</c> header value as it is.</summary>
    public HttpResult WithSetCookie(string setCookie)
    {
        ArgumentException.ThrowIfNullOrEmpty(setCookie);
        if (!HttpToken.IsSafeValue(setCookie))
        {
            throw new ArgumentException("A Set-Cookie value cannot contain CR, LF or NUL.", nameof(setCookie));
        }

        (_cookies ??= []).Add(setCookie);
        return this;
    }

    /// <inheritdoc />
    public void WriteBody(HttpBodyWriter body) => _body?.Write(body);

    /// <inheritdoc />
    public override string ToString() => _body is null ? $"{StatusCode}" : $"{StatusCode} {_body.Value}";
}
