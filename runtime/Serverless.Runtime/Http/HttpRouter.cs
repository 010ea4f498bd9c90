namespace Serverless.Runtime.Http;

/// <summary>
/// The routes of one function that serves several: built once (in the function's <c>Create</c>), matched per
/// request by comparing path segments, no regular expressions. Precedence: literal segments beat parameters,
/// parameters beat a greedy <c>{name+}</c>. No path match answers 404 and a path that only other methods serve
/// answers 405 with <c>Allow</c>, both <c>application/problem+json</c>.
/// </summary>
/// <remarks>
/// When API Gateway already matched one of these routes (a 2.0 <c>routeKey</c> such as <c>GET /orders/{id}</c>, or a
/// 1.0 <c>resource</c>) and the route has no greedy segment, that route is taken with the event's
/// <c>pathParameters</c>; this keeps custom-domain base paths out of the way. Otherwise the path is matched:
/// 2.0 <c>rawPath</c> without a leading <c>/{stage}</c> of a named stage (values percent-decoded), 1.0 <c>path</c>.
/// </remarks>
public sealed class HttpRouter
{
    private readonly HttpRouteTable<HttpRouteHandler> _table = new();

    /// <summary>Adds a route; returns this router so calls chain.</summary>
    /// <param name="method">An HTTP method, or <c>ANY</c>.</param>
    /// <param name="template">A path template: <c>/orders/{id}</c>, <c>/files/{path+}</c>.</param>
    /// <param name="handler">The route's wrapper.</param>
    /// <exception cref="ArgumentException">The method or template is not valid, or the route is mapped twice.</exception>
    public HttpRouter Map(string method, string template, HttpRouteHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _table.Add(method, template, handler);
        return this;
    }

    /// <summary>The routes, in the order they are tried.</summary>
    public IReadOnlyList<HttpRouteDefinition> Routes =>
        [.. _table.Entries.Select(e => new HttpRouteDefinition(e.Method, e.Template.Text))];

    /// <summary>Finds the request's route and runs it, or answers 404/405.</summary>
    public ValueTask<IHttpResult> RouteAsync(HttpRequestData request, LambdaInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        if (FindRoute(request, out var allowed) is { } handler)
        {
            return handler(request, invocation);
        }

        return ValueTask.FromResult<IHttpResult>(allowed is null
            ? HttpResults.Problem(statusCode: 404, detail: $"No route matches {request.Method} {request.Path}.")
            : HttpResults.Problem(statusCode: 405, detail: $"{request.Method} is not allowed for {request.Path}.")
                .WithHeader("Allow", string.Join(", ", allowed)));
    }

    /// <summary>The handler for the request (setting its route values), or null with the allowed methods of a 405.</summary>
    internal HttpRouteHandler? FindRoute(HttpRequestData request, out List<string>? allowed)
    {
        allowed = null;
        if (FromRouteKey(request) is { } direct)
        {
            return direct.Value;
        }

        var isVersion2 = request.PayloadFormat == HttpPayloadFormat.Version2;
        var path = isVersion2 ? WithoutStage(request.Path, request.Stage) : request.Path;
        var values = new HttpValueCollection();
        var match = _table.Match(request.Method, path, decode: isVersion2, values);
        if (match.Route is { } route)
        {
            request.RouteValues = values;
            return route.Value;
        }

        allowed = match.AllowedMethods;
        return null;
    }

    private HttpRouteTable<HttpRouteHandler>.Entry? FromRouteKey(HttpRequestData request)
    {
        var key = request.RouteKey;
        string method, template;
        if (request.PayloadFormat == HttpPayloadFormat.Version2)
        {
            var space = key.IndexOf(' ');
            if (space <= 0)
            {
                return null; // $default
            }

            method = key[..space];
            template = key[(space + 1)..];
            if (method != "ANY" && !string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        else
        {
            method = request.Method;
            template = key;
        }

        if (!template.StartsWith('/') || template.Contains("+}", StringComparison.Ordinal))
        {
            return null;
        }

        var entry = _table.FindByKey(method, template) ?? _table.FindByKey(request.Method, template);
        return entry is not null && !entry.Template.IsGreedy ? entry : null;
    }

    private static string WithoutStage(string path, string stage)
    {
        if (stage.Length == 0 || stage == "$default" || path.Length <= stage.Length ||
            path[0] != '/' || !path.AsSpan(1).StartsWith(stage, StringComparison.Ordinal))
        {
            return path;
        }

        var rest = path.AsSpan(1 + stage.Length);
        return rest.IsEmpty ? "/" : rest[0] == '/' ? rest.ToString() : path;
    }
}
