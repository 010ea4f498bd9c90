namespace Serverless.Runtime.Http;

/// <summary>RFC 9110 syntax checks for header and cookie names and header values.</summary>
internal static class HttpToken
{
    /// <summary>True for a non-empty RFC 9110 token (header names, cookie names, methods).</summary>
    public static bool IsToken(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c > 0x7E || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a header value has no CR, LF or NUL (which would split the response).</summary>
    public static bool IsSafeValue(string value) => value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;
}
