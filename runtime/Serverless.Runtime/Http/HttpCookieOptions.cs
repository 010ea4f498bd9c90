using System.Globalization;
using System.Text;
using Serverless.Runtime.Http;

namespace Serverless;

/// <summary>The attributes of a cookie set with <see cref="HttpResult.WithCookie(string, string, HttpCookieOptions?)"/>.</summary>
public sealed class HttpCookieOptions
{
    /// <summary><c>Path</c>.</summary>
    public string? Path { get; init; }

    /// <summary><c>Domain</c>.</summary>
    public string? Domain { get; init; }

    /// <summary><c>Max-Age</c>, in whole seconds (zero or negative expires the cookie at once).</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary><c>Expires</c>, written as an HTTP date in GMT.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary><c>Secure</c>: HTTPS only.</summary>
    public bool Secure { get; init; }

    /// <summary><c>HttpOnly</c>: hidden from scripts.</summary>
    public bool HttpOnly { get; init; }

    /// <summary><c>SameSite</c>.</summary>
    public HttpSameSite SameSite { get; init; }

    /// <summary>
    /// The <c>Set-Cookie</c> header value: <c>name=value</c> (the value percent-encoded where RFC 6265 does not allow
    /// the character) and the attributes in the order Expires, Max-Age, Domain, Path, Secure, HttpOnly, SameSite.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an RFC 9110 token, or an attribute holds <c>;</c> or a control character.</exception>
    public static string Format(string name, string value, HttpCookieOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HttpToken.IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a valid cookie name.", nameof(name));
        }

        var builder = new StringBuilder(name.Length + value.Length + 48);
        builder.Append(name).Append('=').Append(EncodeValue(value));
        if (options is null)
        {
            return builder.ToString();
        }

        if (options.Expires is { } expires)
        {
            builder.Append("; Expires=").Append(expires.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        }

        if (options.MaxAge is { } maxAge)
        {
            builder.Append("; Max-Age=").Append(((long)Math.Floor(maxAge.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (options.Domain is { Length: > 0 } domain)
        {
            builder.Append("; Domain=").Append(CheckAttribute(domain, nameof(Domain)));
        }

        if (options.Path is { Length: > 0 } path)
        {
            builder.Append("; Path=").Append(CheckAttribute(path, nameof(Path)));
        }

        if (options.Secure)
        {
            builder.Append("; Secure");
        }

        if (options.HttpOnly)
        {
            builder.Append("; HttpOnly");
        }

        switch (options.SameSite)
        {
            case HttpSameSite.None:
                builder.Append("; SameSite=None");
                break;
            case HttpSameSite.Lax:
                builder.Append("; SameSite=Lax");
                break;
            case HttpSameSite.Strict:
                builder.Append("; SameSite=Strict");
                break;
        }

        return builder.ToString();
    }

    private static string EncodeValue(string value)
    {
        foreach (var c in value)
        {
            if (!IsCookieOctet(c))
            {
                return Uri.EscapeDataString(value);
            }
        }

        return value;
    }

    // RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
    private static bool IsCookieOctet(char c) =>
        c == 0x21 || c is >= (char)0x23 and <= (char)0x2B || c is >= (char)0x2D and <= (char)0x3A ||
        c is >= (char)0x3C and <= (char)0x5B || c is >= (char)0x5D and <= (char)0x7E;

    private static string CheckAttribute(string value, string attribute)
    {
        foreach (var c in value)
        {
            if (c == ';' || char.IsControl(c))
            {
                throw new ArgumentException($"The cookie's {attribute} cannot contain ';' or control characters.", attribute);
            }
        }

        return value;
    }
}
