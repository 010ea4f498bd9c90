using System;

namespace Serverless.Analyzers.Model;

/// <summary>
/// What the analyzers decide about media types, in one place: JSON, text (sent as UTF-8 text) or binary (sent as
/// base64), and whether a <c>binaryMediaTypes</c> pattern takes a type. The text list is the runtime's own
/// (<c>TextMediaTypes</c>, linked into this assembly), so the analyzers and the local API server agree.
/// </summary>
public static class MediaTypes
{
    /// <summary>The media type without parameters and whitespace (<c>image/png; q=1</c> is <c>image/png</c>).</summary>
    public static string Essence(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
    }

    /// <summary>Whether a media type is JSON: <c>application/json</c> or a <c>+json</c> suffix, parameters ignored.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var media = Essence(contentType);
        return media.Equals(HttpResponseReader.Json, StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a body of this media type is text: <c>text/*</c>, JSON, XML, JavaScript, form posts and GraphQL. Anything
    /// else is binary (base64 through API Gateway).
    /// </summary>
    public static bool IsText(string contentType) => Serverless.Runtime.Http.TextMediaTypes.IsText(Essence(contentType));

    /// <summary>
    /// Whether a <c>binaryMediaTypes</c> entry (<c>image/png</c>, <c>image/*</c>, <c>*/*</c>) takes the media type, as
    /// API Gateway matches them: each half equal (case-insensitive) or <c>*</c>.
    /// </summary>
    public static bool Matches(string pattern, string contentType)
    {
        var (patternType, patternSubtype) = Split(pattern.Trim());
        var (type, subtype) = Split(Essence(contentType));
        return Half(patternType, type) && Half(patternSubtype, subtype);

        static bool Half(string wanted, string actual) => wanted == "*" || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Type, string Subtype) Split(string media)
    {
        var slash = media.IndexOf('/');
        return slash < 0 ? (media, "") : (media.Substring(0, slash), media.Substring(slash + 1));
    }
}
