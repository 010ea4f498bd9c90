using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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
public sealed class MakeEndpointPublicCodeFixProvider : SyntaxEditCodeFixProvider
{
    private const string Title = "Make the method public so the class function serves it";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RoutedMethodNotServed);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.IsInSource)
            {
                Register(context, diagnostic, Title, nameof(MakeEndpointPublicCodeFixProvider));
            }
        }

        return Task.CompletedTask;
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => true;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Make every routed method of a class function public";

    /// <summary>Makes the method of every diagnostic of <paramref name="diagnostics"/> in <paramref name="document"/> public, in one edit.</summary>
    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
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
