using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS3010 (CORS with any origin and credentials): removes <c>AllowCredentials = true</c> from <c>[assembly: Cors]</c>
/// (false is the default), keeping the other arguments and their layout. Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsCredentialsCodeFixProvider)), Shared]
public sealed class CorsCredentialsCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string EquivalenceKey = RuleIdentifiers.CorsAnyOriginWithCredentials + ".RemoveAllowCredentials";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CorsAnyOriginWithCredentials);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            Register(context, diagnostic, "Remove AllowCredentials", EquivalenceKey);
        }

        return Task.CompletedTask;
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => equivalenceKey == EquivalenceKey;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Remove AllowCredentials everywhere";

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var arguments = diagnostics
            .Select(d => DiagnosticNode.Find(root, d)?.FirstAncestorOrSelf<AttributeArgumentSyntax>())
            .Where(a => a is { NameEquals.Name.Identifier.ValueText: "AllowCredentials", Parent: AttributeArgumentListSyntax })
            .Select(a => a!)
            .Distinct()
            .ToList();
        if (arguments.Count == 0)
        {
            return document;
        }

        // The argument goes with its separator; the other arguments keep their layout.
        var updated = root.RemoveNodes(arguments, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        return document.WithSyntaxRoot(updated);
    }
}
