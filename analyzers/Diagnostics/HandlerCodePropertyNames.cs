namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> set by <see cref="HandlerCodeAnalyzer"/> on
/// SLS2001-SLS2003 so that the hoisting fix needs no re-analysis. Without <see cref="Hoist"/> the rule has no fix.
/// </summary>
public static class HandlerCodePropertyNames
{
    /// <summary>
    /// How the creation can be hoisted: <see cref="HoistStatic"/> (a <c>static readonly</c> field) or
    /// <see cref="HoistLazy"/> (a <c>static readonly Lazy&lt;T&gt;</c> field). Absent when it cannot be hoisted.
    /// </summary>
    public const string Hoist = "Hoist";

    public const string HoistStatic = "Static";

    public const string HoistLazy = "Lazy";

    /// <summary>
    /// The environment variable the hoisted creation should read its connection string from
    /// (<c>DB_CONNECTION_STRING</c>, ...). Set with <see cref="LiteralOffset"/> and <see cref="LiteralLength"/> when the
    /// creation passes a string literal.
    /// </summary>
    public const string EnvironmentVariable = "EnvironmentVariable";

    /// <summary>Start of the connection string literal, relative to the start of the diagnostic's span.</summary>
    public const string LiteralOffset = "LiteralOffset";

    /// <summary>Length of the connection string literal.</summary>
    public const string LiteralLength = "LiteralLength";
}
