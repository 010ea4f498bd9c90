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
    /// SLS2001: how the creation can come from dependency injection instead (the fix that registers a singleton in the
    /// <c>[LambdaStartup]</c> class and takes it as a constructor parameter): <see cref="InjectInstance"/> or
    /// <see cref="InjectDataSource"/>. Absent when it cannot.
    /// </summary>
    public const string Inject = "Inject";

    /// <summary>
    /// The created pool or client itself becomes the singleton (a <c>DbDataSource</c>, <c>MongoClient</c>,
    /// <c>ConnectionMultiplexer</c>); a <c>using</c> around it goes, since the container disposes it.
    /// </summary>
    public const string InjectInstance = "Instance";

    /// <summary>
    /// A <c>DbConnection</c> created from one connection string: a data source for it becomes the singleton and each
    /// invocation still creates (and disposes) its connection, from the pool.
    /// </summary>
    public const string InjectDataSource = "DataSource";

    /// <summary>
    /// The environment variable the hoisted or injected creation should read its connection string from
    /// (<c>DB_CONNECTION_STRING</c>, ...). Set with <see cref="LiteralOffset"/> and <see cref="LiteralLength"/> when the
    /// creation passes a string literal.
    /// </summary>
    public const string EnvironmentVariable = "EnvironmentVariable";

    /// <summary>Start of the connection string literal, relative to the start of the diagnostic's span.</summary>
    public const string LiteralOffset = "LiteralOffset";

    /// <summary>Length of the connection string literal.</summary>
    public const string LiteralLength = "LiteralLength";
}
