namespace Serverless.Analyzers.Diagnostics;

/// <summary>Diagnostic properties of the auth rules, read by their code fixes.</summary>
public static class AuthPropertyNames
{
    /// <summary>SLS3009: the app's authorizer names, one a line (the fix offers <c>[Authorize("name")]</c> for each).</summary>
    public const string Authorizers = "Authorizers";

    /// <summary>SLS3024: the response's media type (parameters dropped), which the fix adds to <c>RestApiOptions.BinaryMediaTypes</c>.</summary>
    public const string BinaryMediaType = "BinaryMediaType";
}
