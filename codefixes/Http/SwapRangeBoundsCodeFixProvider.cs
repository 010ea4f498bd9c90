using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes.Http;

/// <summary>
/// SLS3017 for a <c>[Range]</c> whose minimum is above its maximum (diagnostic property
/// <see cref="HttpPropertyNames.ReversedRange"/>): swaps the two argument expressions, so a named argument
/// (<c>minimum: "5"</c>) keeps its name and a constant keeps being a constant. The diagnostic is on the minimum and its
/// additional location is the maximum, so no re-analysis is needed. Fix All (document, project, solution). The other
/// SLS3017 reasons (a bound that does not parse, an operand type the wrapper cannot compare) have no fix: which value
/// was meant is the user's to say.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapRangeBoundsCodeFixProvider)), Shared]
public sealed class SwapRangeBoundsCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string EquivalenceKey = "SLS3017.SwapBounds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UncheckableRange);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!IsReversed(diagnostic) || Bounds(root, diagnostic) is not var (minimum, maximum))
            {
                continue;
            }

            Register(context, diagnostic, "Swap the [Range] bounds: " + maximum.ToString() + " to " + minimum.ToString(), EquivalenceKey);
        }
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => equivalenceKey == EquivalenceKey && IsReversed(diagnostic);

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Swap the bounds of every reversed [Range]";

    private static bool IsReversed(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HttpPropertyNames.ReversedRange, out var value) && value == "true";

    /// <summary>The minimum and maximum argument expressions of the diagnostic's attribute, or null when the code changed under it.</summary>
    private static (ExpressionSyntax Minimum, ExpressionSyntax Maximum)? Bounds(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree || diagnostic.AdditionalLocations.Count != 1
            || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var minimum = Expression(root, diagnostic.Location.SourceSpan);
        var maximum = Expression(root, diagnostic.AdditionalLocations[0].SourceSpan);
        return minimum is not null && maximum is not null && minimum.Parent?.Parent == maximum.Parent?.Parent && minimum != maximum
            ? (minimum, maximum)
            : null;
    }

    /// <summary>The expression of an attribute argument written exactly at <paramref name="span"/>.</summary>
    private static ExpressionSyntax? Expression(SyntaxNode root, TextSpan span) =>
        span.End <= root.FullSpan.End && root.FindNode(span, getInnermostNodeForTie: false) is { } node
            && node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { } argument && argument.Expression.Span == span
            ? argument.Expression
            : null;

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Each expression takes the other's text, keeping its own place and trivia.
        var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (IsReversed(diagnostic) && Bounds(root, diagnostic) is var (minimum, maximum)
                && !replacements.ContainsKey(minimum) && !replacements.ContainsKey(maximum))
            {
                replacements[minimum] = maximum.WithTriviaFrom(minimum);
                replacements[maximum] = minimum.WithTriviaFrom(maximum);
            }
        }

        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
