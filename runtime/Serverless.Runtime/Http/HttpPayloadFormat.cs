namespace Serverless.Runtime.Http;

/// <summary>The API Gateway payload format of a route: what the event looks like and what the response must be.</summary>
public enum HttpPayloadFormat
{
    /// <summary>HTTP API payload format 2.0 (<c>[HttpApi]</c>): <c>rawPath</c>, <c>rawQueryString</c>, <c>cookies</c>.</summary>
    Version2 = 0,

    /// <summary>Payload format 1.0 (REST APIs, <c>[RestApi]</c>): <c>httpMethod</c>, <c>path</c>, <c>multiValueHeaders</c>.</summary>
    Version1 = 1,
}
