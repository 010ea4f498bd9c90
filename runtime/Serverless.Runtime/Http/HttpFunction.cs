using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// Runs an HTTP function for a generated wrapper: reads the API Gateway event (2.0 or 1.0, told by the event),
/// runs the route's handler (or the router), and writes the result as the proxy response in the same format.
/// An exception from the handler becomes a 500 <c>application/problem+json</c> that carries the request id and
/// nothing of the exception; the log gets the exception with its stack trace.
/// </summary>
public static class HttpFunction
{
    /// <summary>Runs a function that serves one route (API Gateway has matched it; route values are its <c>pathParameters</c>).</summary>
    /// <param name="invocation">The invocation.</param>
    /// <param name="handler">The route's wrapper.</param>
    /// <param name="jsonOptions">The app's JSON options (<c>AppJson.Default.Options</c>), for results whose JSON body has no <c>JsonTypeInfo</c>.</param>
    /// <exception cref="LambdaSerializationException">The payload is not an API Gateway proxy event.</exception>
    public static ValueTask<LambdaResponse> InvokeAsync(LambdaInvocation invocation, HttpRouteHandler handler,
        JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(handler);
        var request = HttpEventReader.Read(invocation.Payload.Span);
        return RunAsync(request, invocation, handler, null, jsonOptions);
    }

    /// <summary>Runs a function that serves several routes through <paramref name="router"/> (404 and 405 included).</summary>
    /// <exception cref="LambdaSerializationException">The payload is not an API Gateway proxy event.</exception>
    public static ValueTask<LambdaResponse> InvokeAsync(LambdaInvocation invocation, HttpRouter router,
        JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(router);
        var request = HttpEventReader.Read(invocation.Payload.Span);
        return RunAsync(request, invocation, null, router, jsonOptions);
    }

    /// <summary>The invocation's payload as a request (for handlers that work with the event themselves).</summary>
    /// <exception cref="LambdaSerializationException">The payload is not an API Gateway proxy event.</exception>
    public static HttpRequestData ReadRequest(LambdaInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return HttpEventReader.Read(invocation.Payload.Span);
    }

    /// <summary>The response event for <paramref name="result"/> in <paramref name="format"/>.</summary>
    public static LambdaResponse WriteResponse(IHttpResult result, HttpPayloadFormat format, JsonSerializerOptions? jsonOptions = null) =>
        LambdaResponse.FromUtf8(HttpResponseWriter.Write(result, format, jsonOptions));

    /// <summary>
    /// The 500 answer to an unhandled exception: <c>application/problem+json</c> with type, title
    /// "An unexpected error occurred.", status 500 and the extension <c>requestId</c> (the Lambda request id, which
    /// every log line of the invocation carries).
    /// </summary>
    public static HttpResult UnexpectedError(string requestId)
    {
        var problem = new HttpProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            Title = HttpProblemDefaults.UnexpectedErrorTitle,
            Status = 500,
        };
        problem.Extensions["requestId"] = requestId;
        return HttpResults.Problem(problem);
    }

    private static async ValueTask<LambdaResponse> RunAsync(HttpRequestData request, LambdaInvocation invocation,
        HttpRouteHandler? handler, HttpRouter? router, JsonSerializerOptions? jsonOptions)
    {
        try
        {
            var result = await (handler is not null ? handler(request, invocation) : router!.RouteAsync(request, invocation))
                .ConfigureAwait(false)
                ?? throw new InvalidOperationException("The HTTP handler returned a null IHttpResult.");
            return LambdaResponse.FromUtf8(HttpResponseWriter.Write(result, request.PayloadFormat, jsonOptions));
        }
        catch (Exception ex)
        {
            var error = ErrorReport.Unwrap(ex);
            invocation.Context.Logger.Log(LambdaLogLevel.Error,
                $"Unhandled exception in {request.Method} {request.Path} (API Gateway request {request.RequestId}): " +
                $"{error.GetType().Name}: {error.Message}", ex);
            return LambdaResponse.FromUtf8(HttpResponseWriter.Write(
                UnexpectedError(invocation.Context.AwsRequestId), request.PayloadFormat, null));
        }
    }
}
