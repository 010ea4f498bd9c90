using Microsoft.CodeAnalysis;

namespace Serverless.CodeFixes;

/// <summary>
/// The syntax a diagnostic is on, found in the document a fix edits; the fix may run on another document of the scope,
/// or on a version of the code that changed since the diagnostic was reported.
/// </summary>
internal static class DiagnosticNode
{
    /// <summary>
    /// The innermost node at the diagnostic's span in <paramref name="root"/>; null when the diagnostic lies in another
    /// document or its span no longer fits in this one.
    /// </summary>
    public static SyntaxNode? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return diagnostic.Location.SourceTree == root.SyntaxTree && root.FullSpan.Contains(span)
            ? root.FindNode(span, getInnermostNodeForTie: true)
            : null;
    }
}
