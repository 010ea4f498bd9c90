namespace Serverless.Runtime.Http;

/// <summary>
/// Handles one HTTP request: generated wrappers bind the handler's parameters from <paramref name="request"/>,
/// call it, and turn what it returns into an <see cref="IHttpResult"/>.
/// </summary>
/// <param name="request">The request, with <see cref="HttpRequestData.RouteValues"/> from the matched route.</param>
/// <param name="invocation">The Lambda invocation (context, services, cancellation).</param>
public delegate ValueTask<IHttpResult> HttpRouteHandler(HttpRequestData request, LambdaInvocation invocation);
