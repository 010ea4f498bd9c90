namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> set on SLS1100-SLS1113 and SLS3008 so that the fix needs no
/// re-analysis: which attribute property to set, and to what. Without them the rule has no fix.
/// </summary>
public static class LimitPropertyNames
{
    /// <summary>
    /// The property of the attribute to set: <c>Timeout</c>, <c>MemorySize</c>, <c>EphemeralStorage</c> or
    /// <c>Architecture</c>. When the diagnostic is on that argument's expression, the fix replaces it; otherwise (on
    /// <c>[LambdaEdge]</c> or a route attribute) it sets the property on the method's <c>[LambdaFunction]</c>.
    /// </summary>
    public const string Setting = "Setting";

    /// <summary>The value to set, as a C# expression (<c>900</c>, <c>global::Serverless.LambdaArchitecture.X86_64</c>).</summary>
    public const string Value = "Value";
}
