using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Serverless.CodeFixes.Http;

/// <summary>Syntax the <c>[HttpResponse]</c> fixes share: the attribute a diagnostic is on.</summary>
internal static class HttpResponseFixSyntax
{
    /// <summary>The <c>[HttpResponse]</c> attribute written exactly at <paramref name="span"/>, or null when the code changed under it.</summary>
    public static AttributeSyntax? FindAttribute(SyntaxNode root, TextSpan span) =>
        span.End <= root.FullSpan.End && root.FindNode(span, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
            && attribute.Span == span
            ? attribute
            : null;

    /// <summary>The <c>[HttpResponse]</c> attributes in <paramref name="root"/>'s document that <paramref name="diagnostics"/> (those <paramref name="fixes"/>) are on, once each.</summary>
    public static List<AttributeSyntax> FindAttributes(SyntaxNode root, IEnumerable<Diagnostic> diagnostics, System.Func<Diagnostic, bool> fixes) =>
        diagnostics
            .Where(d => fixes(d) && d.Location.SourceTree == root.SyntaxTree)
            .Select(d => FindAttribute(root, d.Location.SourceSpan))
            .Where(a => a is not null)
            .Select(a => a!)
            .Distinct()
            .ToList();

    /// <summary>
    /// Removes <paramref name="attributes"/>: a list left empty goes with its line (comments above it stay), others keep
    /// their remaining attributes.
    /// </summary>
    public static SyntaxNode Remove(SyntaxNode root, IEnumerable<AttributeSyntax> attributes)
    {
        var lists = new List<AttributeListSyntax>();
        var single = new List<AttributeSyntax>();
        foreach (var group in attributes.Distinct().GroupBy(a => (AttributeListSyntax)a.Parent!))
        {
            if (group.Count() == group.Key.Attributes.Count)
            {
                lists.Add(group.Key);
            }
            else
            {
                single.AddRange(group);
            }
        }

        root = root.TrackNodes(lists.Cast<SyntaxNode>().Concat(single));
        root = root.RemoveNodes(single.Select(a => root.GetCurrentNode(a)!), SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        // A removed list's comments go to what follows it, without the list's own indentation (the next line has its own).
        root = root.ReplaceNodes(lists.Select(l => root.GetCurrentNode(l)!), (original, _) => original.WithLeadingTrivia(WithoutIndentation(original.GetLeadingTrivia())));
        return root.RemoveNodes(lists.Select(l => root.GetCurrentNode(l)!), SyntaxRemoveOptions.KeepLeadingTrivia) ?? root;
    }

    /// <summary>The trivia without the white space after its last line break.</summary>
    private static SyntaxTriviaList WithoutIndentation(SyntaxTriviaList trivia)
    {
        var end = trivia.Count;
        while (end > 0 && trivia[end - 1].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return end == 0 || !trivia[end - 1].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia)
            ? (end == 0 ? default : trivia)
            : new SyntaxTriviaList(trivia.Take(end));
    }
}
