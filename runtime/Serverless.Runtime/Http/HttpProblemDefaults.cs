namespace Serverless.Runtime.Http;

/// <summary>The RFC 9457 <c>type</c> and <c>title</c> of a problem by status code (the same links ASP.NET Core uses).</summary>
internal static class HttpProblemDefaults
{
    public const string ValidationTitle = "One or more validation errors occurred.";
    public const string UnexpectedErrorTitle = "An unexpected error occurred.";
    public const string ProblemJson = "application/problem+json";

    public static (string Type, string Title)? For(int status) => status switch
    {
        400 => ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request"),
        401 => ("https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized"),
        403 => ("https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden"),
        404 => ("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found"),
        405 => ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed"),
        406 => ("https://tools.ietf.org/html/rfc9110#section-15.5.7", "Not Acceptable"),
        408 => ("https://tools.ietf.org/html/rfc9110#section-15.5.9", "Request Timeout"),
        409 => ("https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict"),
        412 => ("https://tools.ietf.org/html/rfc9110#section-15.5.13", "Precondition Failed"),
        413 => ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        415 => ("https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type"),
        422 => ("https://tools.ietf.org/html/rfc9110#section-15.5.21", "Unprocessable Content"),
        429 => ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
        500 => ("https://tools.ietf.org/html/rfc9110#section-15.6.1", "An error occurred while processing your request."),
        502 => ("https://tools.ietf.org/html/rfc9110#section-15.6.3", "Bad Gateway"),
        503 => ("https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable"),
        504 => ("https://tools.ietf.org/html/rfc9110#section-15.6.5", "Gateway Timeout"),
        _ => null,
    };
}
