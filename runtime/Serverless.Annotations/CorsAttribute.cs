using System;

namespace Serverless;

/// <summary>
/// The CORS configuration of the app's APIs: API Gateway answers preflight requests and adds the CORS headers
/// (HTTP API <c>CorsConfiguration</c>, REST API <c>Cors</c>). A REST API allows one origin.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class CorsAttribute : Attribute
{
    /// <summary>Origins allowed to call the API (<c>https://app.example.com</c>), or <c>*</c> for any.</summary>
    public string[]? AllowOrigins { get; set; }

    /// <summary>Allowed methods (<c>GET</c>, <c>POST</c>, ... or <c>*</c>).</summary>
    public string[]? AllowMethods { get; set; }

    /// <summary>Request headers the browser may send (<c>Content-Type</c>, <c>Authorization</c>, ...).</summary>
    public string[]? AllowHeaders { get; set; }

    /// <summary>Response headers scripts may read (HTTP APIs).</summary>
    public string[]? ExposeHeaders { get; set; }

    /// <summary>Whether browsers send cookies and authorization headers; cannot be combined with the origin <c>*</c>.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long browsers cache a preflight answer, in seconds.</summary>
    public int MaxAge { get; set; }
}
