namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> set on SLS3002, SLS3003, SLS3005, SLS3017 and SLS3018 so that the
/// HTTP fixes need no re-analysis.
/// </summary>
public static class HttpPropertyNames
{
    /// <summary>
    /// SLS3002: the route template parameter no method parameter binds (<c>id</c> for <c>{id}</c>, <c>proxy</c> for
    /// <c>{proxy+}</c>). SLS3003: the route value the <c>[FromRoute]</c> parameter names.
    /// </summary>
    public const string RouteParameter = "RouteParameter";

    /// <summary>SLS3005: <c>true</c> when the body parameter's type can be bound from the query string instead.</summary>
    public const string BindableFromQuery = "BindableFromQuery";

    /// <summary>
    /// SLS3017: <c>true</c> when the minimum is above the maximum; the diagnostic is on the minimum argument and its
    /// additional location is the maximum argument, which the fix swaps.
    /// </summary>
    public const string ReversedRange = "ReversedRange";

    /// <summary>
    /// SLS3018: <c>true</c> when the <c>[HttpResponse]</c> gives a status without content (1xx, 204, 304) a body; the
    /// diagnostic is on the attribute, whose type argument and <c>ContentType</c> the fix removes.
    /// </summary>
    public const string ResponseBodyWithoutContent = "ResponseBodyWithoutContent";
}
