using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// The connection string literal an SLS2001-2003 diagnostic points at (offset and length relative to the reported
/// creation) and the environment variable the fix reads instead; shared by the static-field and the DI fixes.
/// </summary>
internal static class ConnectionStringLiteral
{
    /// <summary>Reads both from the diagnostic's properties; false when the analyzer found no literal to replace.</summary>
    public static bool TryRead(Diagnostic diagnostic, TextSpan creation, out string? variable, out TextSpan? literal)
    {
        variable = null;
        literal = null;
        if (diagnostic.Properties.TryGetValue(HandlerCodePropertyNames.EnvironmentVariable, out var name) && !string.IsNullOrEmpty(name)
            && diagnostic.Properties.TryGetValue(HandlerCodePropertyNames.LiteralOffset, out var offsetText)
            && diagnostic.Properties.TryGetValue(HandlerCodePropertyNames.LiteralLength, out var lengthText)
            && int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && offset + length <= creation.Length && length > 0)
        {
            variable = name;
            literal = new TextSpan(creation.Start + offset, length);
            return true;
        }

        return false;
    }
}
