using System.Net;

namespace Serverless.Runtime;

/// <summary>The Runtime API answered a request with an unexpected status.</summary>
internal sealed class RuntimeApiException(string request, HttpStatusCode statusCode, string body)
    : Exception($"The Lambda Runtime API answered {request} with {(int)statusCode} {statusCode}: {body}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
