using System;

namespace Serverless;

/// <summary>
/// Serves a <see cref="LambdaFunctionAttribute"/> method on an API Gateway REST API route (proxy integration,
/// payload format 1.0). Route templates and binding work as for <see cref="HttpApiAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RestApiAttribute : Attribute
{
    /// <param name="method">The HTTP method, or <see cref="HttpVerb.Any"/>.</param>
    /// <param name="route">The route template, starting with <c>/</c> (<c>/orders/{id}</c>).</param>
    public RestApiAttribute(HttpVerb method, string route)
    {
        Method = method;
        Route = route;
    }

    /// <summary>The HTTP method.</summary>
    public HttpVerb Method { get; }

    /// <summary>The route template.</summary>
    public string Route { get; }
}
