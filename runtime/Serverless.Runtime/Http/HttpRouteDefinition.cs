namespace Serverless.Runtime.Http;

/// <summary>
/// A route API Gateway sends to a function: the method (<c>GET</c>, or <c>ANY</c>), the path template
/// (<c>/orders/{id}</c>, <c>/files/{path+}</c>) and the payload format. The local API server serves these.
/// </summary>
public sealed class HttpRouteDefinition
{
    /// <summary>Describes a route.</summary>
    /// <exception cref="ArgumentException">The method or template is not valid.</exception>
    public HttpRouteDefinition(string method, string template, HttpPayloadFormat payloadFormat = HttpPayloadFormat.Version2)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        Method = method.Trim().ToUpperInvariant();
        if (!HttpToken.IsToken(Method))
        {
            throw new ArgumentException($"'{method}' is not a valid HTTP method.", nameof(method));
        }

        Template = HttpRouteTemplate.Parse(template).Text;
        PayloadFormat = payloadFormat;
    }

    /// <summary>The HTTP method, upper case; <c>ANY</c> for every method.</summary>
    public string Method { get; }

    /// <summary>The path template, normalized (<c>/orders/{id}</c>).</summary>
    public string Template { get; }

    /// <summary>2.0 for HTTP APIs, 1.0 for REST APIs.</summary>
    public HttpPayloadFormat PayloadFormat { get; }

    /// <inheritdoc />
    public override string ToString() => Method + " " + Template;
}
