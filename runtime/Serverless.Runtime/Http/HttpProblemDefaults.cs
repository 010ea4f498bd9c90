namespace Serverless.Runtime.Http;

/// <summary>The RFC 9457 <c>type</c> and <c>title</c> of a problem by status code (the same links ASP.NET Core uses).</summary>
internal static class HttpProblemDefaults
{
    public const string ValidationTitle = "One or more validation errors occurred.";
    public const string UnexpectedErrorTitle = "An unexpected error occurred.";
    public const string ProblemJson = "application/problem+json";

    /// <summary>
    /// The problem's type link and title for a status (null when there is no standard link): the title is the reason
    /// phrase, except for 500, where ASP.NET Core's wording is kept.
    /// </summary>
    public static (string Type, string Title)? For(int status) =>
        TypeLink(status) is { } type ? (type, status == 500 ? "An error occurred while processing your request." : HttpReasonPhrases.Get(status)) : null;

    private static string? TypeLink(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => null,
    };
}
