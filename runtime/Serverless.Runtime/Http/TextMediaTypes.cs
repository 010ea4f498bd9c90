using System;

namespace Serverless.Runtime.Http;

/// <summary>
/// Which media types travel through API Gateway as text (UTF-8) rather than base64: <c>text/*</c>, JSON, XML,
/// JavaScript, form posts and GraphQL. One list for the local API server (this assembly) and the analyzers' model
/// (<c>MediaTypes.IsText</c>), which compiles this file in as a link.
/// </summary>
internal static class TextMediaTypes
{
    /// <summary>Whether <paramref name="essence"/>, a media type without parameters (<c>application/json</c>), is text.</summary>
    public static bool IsText(string essence) =>
        essence.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || essence.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
        || essence.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || essence.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
        || essence.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || essence.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
        || essence.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || essence.Equals("application/graphql", StringComparison.OrdinalIgnoreCase);
}
