namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the model sets so that code fixes need no
/// re-analysis.
/// </summary>
public static class DiagnosticPropertyNames
{
    /// <summary>SLS1014, SLS1015: the handler type that goes through JSON, fully qualified (<c>global::App.Order</c>).</summary>
    public const string Type = "Type";

    /// <summary>SLS1014: the app's JsonSerializerContext that lacks the type, fully qualified (<c>global::App.AppJson</c>).</summary>
    public const string ContextType = "ContextType";
}
