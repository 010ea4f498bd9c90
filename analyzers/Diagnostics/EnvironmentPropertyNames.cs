namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> on SLS1120 and SLS1121, so that the fix (turn a
/// literal value into a reference) needs no re-analysis. Without them the diagnostic has no fix.
/// </summary>
public static class EnvironmentPropertyNames
{
    /// <summary>The named argument the literal value becomes: <c>FromParameter</c> (SLS1120) or <c>FromSecret</c> (SLS1121).</summary>
    public const string Argument = "Argument";

    /// <summary>The suggested parameter name (<c>/orders/BIG_CONFIG</c>) or secret id (<c>orders/db_password</c>).</summary>
    public const string Reference = "Reference";

    /// <summary>The variable whose literal value is replaced.</summary>
    public const string Key = "Key";
}
