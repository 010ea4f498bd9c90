using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS3022: makes a routed method of a class function public (the diagnostic is on its name), so the class function serves
/// it. Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeEndpointPublicCodeFixProvider)), Shared]
public sealed class MakeEndpointPublicCodeFixProvider : CodeFixProvider
{
    private const string Title = "Make the method public so the class function serves it";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RoutedMethodNotServed);

    public override FixAllProvider GetFixAllProvider() => MakeEndpointPublicFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.IsInSource)
            {
                var document = context.Document;
                context.RegisterCodeFix(CodeAction.Create(Title, ct => ApplyAsync(document, new[] { diagnostic }, ct), nameof(MakeEndpointPublicCodeFixProvider)), diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes the method of every diagnostic of <paramref name="diagnostics"/> in <paramref name="document"/> public, in one edit.</summary>
    internal static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var changed = false;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id != RuleIdentifiers.RoutedMethodNotServed || diagnostic.Location.SourceTree != root.SyntaxTree
                || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
            {
                continue;
            }

            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                editor.SetAccessibility(method, Accessibility.Public);
                changed = true;
            }
        }

        return changed ? editor.GetChangedDocument() : document;
    }
}

/// <summary>Fix All for SLS3022: every diagnostic in scope, one edit per document.</summary>
internal sealed class MakeEndpointPublicFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly MakeEndpointPublicFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var selected = All(byProject).Where(d => d.Id == RuleIdentifiers.RoutedMethodNotServed && d.Location.IsInSource).ToList();
        if (selected.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Make every routed method of a class function public",
            async ct =>
            {
                var result = solution;
                foreach (var group in selected.GroupBy(d => d.Location.SourceTree))
                {
                    if (group.Key is null || solution.GetDocument(group.Key) is not { } document)
                    {
                        continue;
                    }

                    var fixedDocument = await MakeEndpointPublicCodeFixProvider.ApplyAsync(document, group, ct).ConfigureAwait(false);
                    result = result.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(ct).ConfigureAwait(false))!);
                }

                return result;
            },
            nameof(MakeEndpointPublicCodeFixProvider));
    }
}
