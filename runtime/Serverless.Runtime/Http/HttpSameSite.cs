namespace Serverless;

/// <summary>The <c>SameSite</c> attribute of a cookie.</summary>
public enum HttpSameSite
{
    /// <summary>No <c>SameSite</c> attribute (the browser's default applies).</summary>
    Unspecified = 0,

    /// <summary><c>SameSite=None</c>: sent with cross-site requests (browsers require <c>Secure</c> too).</summary>
    None,

    /// <summary><c>SameSite=Lax</c>.</summary>
    Lax,

    /// <summary><c>SameSite=Strict</c>.</summary>
    Strict,
}
