using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class CorsCredentialsCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = RuleIdentifiers.CorsAnyOriginWithCredentials + ".RemoveAllowCredentials";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CorsAnyOriginWithCredentials);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Remove AllowCredentials", ct => Apply(context.Document, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> Apply(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var arguments = diagnostics
            .Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>())
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

    private sealed class FixAll : WholeScopeFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject) =>
            fixAllContext.CodeActionEquivalenceKey != EquivalenceKey
                ? null
                : CodeAction.Create("Remove AllowCredentials everywhere", async ct =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var group in All(byProject).Where(d => d.Location.SourceTree is not null).GroupBy(d => d.Location.SourceTree!))
                    {
                        if (solution.GetDocument(group.Key) is { } document)
                        {
                            solution = (await Apply(document, group, ct).ConfigureAwait(false)).Project.Solution;
                        }
                    }

                    return solution;
                }, EquivalenceKey);
    }
}
