using System;

namespace Serverless;

/// <summary>
/// Serves a <see cref="LambdaFunctionAttribute"/> method on an API Gateway HTTP API route (payload format 2.0).
/// The route template has literal segments, <c>{name}</c> parameters and a last greedy <c>{name+}</c>; a method
/// parameter whose name is a route parameter is bound from the route. Apply it more than once to serve several
/// routes with the same method.
/// </summary>
/// <example><c>[LambdaFunction] [HttpApi(HttpVerb.Get, "/orders/{id}")] public Order? Get(Guid id) =&gt; ...</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class HttpApiAttribute : Attribute
{
    /// <param name="method">The HTTP method, or <see cref="HttpVerb.Any"/>.</param>
    /// <param name="route">The route template, starting with <c>/</c> (<c>/orders/{id}</c>).</param>
    public HttpApiAttribute(HttpVerb method, string route)
    {
        Method = method;
        Route = route;
    }

    /// <summary>The HTTP method.</summary>
    public HttpVerb Method { get; }

    /// <summary>The route template.</summary>
    public string Route { get; }
}
