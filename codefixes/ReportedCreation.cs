using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.CodeFixes;

/// <summary>
/// The creation an SLS2001-2003 diagnostic is reported on: the object creation or the invocation (a factory such as
/// <c>ConnectionMultiplexer.Connect</c>) written exactly at the diagnostic's span. Shared by the static-field and the DI
/// fixes, which each decide for themselves whether the creation's place suits them.
/// </summary>
internal static class ReportedCreation
{
    /// <summary>The creation in <paramref name="root"/>, or null when the diagnostic lies in another document or the code changed under it.</summary>
    public static ExpressionSyntax? Find(Diagnostic diagnostic, SyntaxNode root) =>
        DiagnosticNode.Find(root, diagnostic)?
            .AncestorsAndSelf()
            .OfType<ExpressionSyntax>()
            .FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan && e is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax);
}
