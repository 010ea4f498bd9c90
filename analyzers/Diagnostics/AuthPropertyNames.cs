namespace Serverless.Analyzers.Diagnostics;

/// <summary>Diagnostic properties of the auth rules, read by their code fixes.</summary>
public static class AuthPropertyNames
{
    /// <summary>SLS3009: the app's authorizer names, one a line (the fix offers <c>[Authorize("name")]</c> for each).</summary>
    public const string Authorizers = "Authorizers";
}
