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

namespace Serverless.CodeFixes.Http;

/// <summary>
/// SLS3018 for a body on a status without content (diagnostic property
/// <see cref="HttpPropertyNames.ResponseBodyWithoutContent"/>): removes the type argument and <c>ContentType</c> of the
/// <c>[HttpResponse]</c>, keeping its status and <c>Description</c>. Fix All (document, project, solution). A status
/// outside 100-599 has no fix: which one was meant is the user's to say.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveHttpResponseBodyCodeFixProvider)), Shared]
public sealed class RemoveHttpResponseBodyCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string EquivalenceKey = "SLS3018.RemoveBody";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InvalidHttpResponse);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!IsBodyWithoutContent(diagnostic) || HttpResponseFixSyntax.FindAttribute(root, diagnostic.Location.SourceSpan) is null)
            {
                continue;
            }

            Register(context, diagnostic, "Remove the response body", EquivalenceKey);
        }
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => equivalenceKey == EquivalenceKey && IsBodyWithoutContent(diagnostic);

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Remove every body of a status without content";

    private static bool IsBodyWithoutContent(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HttpPropertyNames.ResponseBodyWithoutContent, out var value) && value == "true";

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var attributes = HttpResponseFixSyntax.FindAttributes(root, diagnostics, IsBodyWithoutContent).Where(a => a.ArgumentList is not null).ToList();
        return attributes.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(attributes, (original, _) => original.WithArgumentList(WithoutBody(original.ArgumentList!))));
    }

    /// <summary>The arguments without the body's type (the second positional, or <c>type:</c>) and <c>ContentType = ...</c>.</summary>
    private static AttributeArgumentListSyntax WithoutBody(AttributeArgumentListSyntax list)
    {
        var kept = new List<AttributeArgumentSyntax>();
        var position = 0;
        foreach (var argument in list.Arguments)
        {
            var isBody = argument.NameEquals is { } nameEquals
                ? nameEquals.Name.Identifier.ValueText == "ContentType"
                : argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == "type" : position++ == 1;
            if (!isBody)
            {
                kept.Add(argument);
            }
        }

        return list.WithArguments(SyntaxFactory.SeparatedList(kept.Select((a, i) => i == 0 ? a.WithLeadingTrivia() : a.WithLeadingTrivia(SyntaxFactory.Space))));
    }
}
