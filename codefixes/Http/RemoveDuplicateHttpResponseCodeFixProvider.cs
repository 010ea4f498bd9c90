using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes.Http;

/// <summary>
/// SLS3019: removes the <c>[HttpResponse]</c> that declares a status and media type again (the diagnostic is on it; the
/// first declaration is the one the document has). Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateHttpResponseCodeFixProvider)), Shared]
public sealed class RemoveDuplicateHttpResponseCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string EquivalenceKey = "SLS3019.RemoveDuplicate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DuplicateHttpResponse);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (HttpResponseFixSyntax.FindAttribute(root, diagnostic.Location.SourceSpan) is null)
            {
                continue;
            }

            Register(context, diagnostic, "Remove the duplicate [HttpResponse]", EquivalenceKey);
        }
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => equivalenceKey == EquivalenceKey;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Remove every duplicate [HttpResponse]";

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var attributes = HttpResponseFixSyntax.FindAttributes(root, diagnostics, d => d.Id == RuleIdentifiers.DuplicateHttpResponse);
        return attributes.Count == 0 ? document : document.WithSyntaxRoot(HttpResponseFixSyntax.Remove(root, attributes));
    }
}
