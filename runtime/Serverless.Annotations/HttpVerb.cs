namespace Serverless;

/// <summary>
/// The HTTP method of an <see cref="HttpApiAttribute"/> or <see cref="RestApiAttribute"/> route. Named <c>HttpVerb</c>
/// so that it does not collide with <c>System.Net.Http.HttpMethod</c>, which console apps import implicitly.
/// </summary>
public enum HttpVerb
{
    /// <summary><c>GET</c>.</summary>
    Get,

    /// <summary><c>POST</c>.</summary>
    Post,

    /// <summary><c>PUT</c>.</summary>
    Put,

    /// <summary><c>PATCH</c>.</summary>
    Patch,

    /// <summary><c>DELETE</c>.</summary>
    Delete,

    /// <summary><c>HEAD</c>.</summary>
    Head,

    /// <summary><c>OPTIONS</c>.</summary>
    Options,

    /// <summary>Any method (API Gateway's <c>ANY</c>).</summary>
    Any,
}
