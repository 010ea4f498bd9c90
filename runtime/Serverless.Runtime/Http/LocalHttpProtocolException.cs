namespace Serverless.Runtime.Http;

/// <summary>
/// A request the local API server will not pass to a function (malformed, or over an API Gateway limit): answered
/// with <see cref="StatusCode"/> and <c>{"message": ...}</c>, then the connection is closed.
/// </summary>
internal sealed class LocalHttpProtocolException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static LocalHttpProtocolException BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
