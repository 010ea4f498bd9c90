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
using Microsoft.CodeAnalysis.Simplification;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS3009 (a route without auth in an app that requires it): adds <c>[AllowAnonymous]</c> to the route's method, or
/// <c>[Authorize("name")]</c> for each authorizer the app declares (the diagnostic's <see cref="AuthPropertyNames.Authorizers"/>).
/// The attribute goes before the method's first route attribute, on its own line when the routes are on their own
/// lines. Fix All (document, project, solution) adds one attribute per method, whatever number of routes it has.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteAuthCodeFixProvider)), Shared]
public sealed class RouteAuthCodeFixProvider : CodeFixProvider
{
    internal const string AllowAnonymousKey = RuleIdentifiers.RouteWithoutAuth + ".AllowAnonymous";
    internal const string AuthorizeKeyPrefix = RuleIdentifiers.RouteWithoutAuth + ".Authorize.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RouteWithoutAuth);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Mark the route [AllowAnonymous]", ct => Apply(context.Document, new[] { diagnostic }, AllowAnonymousKey, ct), AllowAnonymousKey),
                diagnostic);
            foreach (var name in Authorizers(diagnostic))
            {
                var key = AuthorizeKeyPrefix + name;
                context.RegisterCodeFix(
                    CodeAction.Create($"Add [Authorize(\"{name}\")]", ct => Apply(context.Document, new[] { diagnostic }, key, ct), key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<string> Authorizers(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AuthPropertyNames.Authorizers, out var names) && names is { Length: > 0 }
            ? names.Split('\n').Where(n => n.Length > 0)
            : Enumerable.Empty<string>();

    /// <summary>Adds the attribute of <paramref name="key"/> once to each method that holds one of the diagnostics.</summary>
    private static async Task<Document> Apply(Document document, IEnumerable<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var methods = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                methods.Add(method);
            }
        }

        if (methods.Count == 0)
        {
            return document;
        }

        var attribute = key == AllowAnonymousKey
            ? SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::Serverless.AllowAnonymous"))
            : SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::Serverless.Authorize"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key.Substring(AuthorizeKeyPrefix.Length)))))));
        attribute = attribute.WithAdditionalAnnotations(Simplifier.Annotation);

        var updated = root.ReplaceNodes(methods, (_, method) => AddBeforeRoutes(method, attribute));
        var result = document.WithSyntaxRoot(updated);
        return await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax AddBeforeRoutes(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        var lists = method.AttributeLists;
        var index = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            if (lists[i].Attributes.Any(a => a.Name.ToString() is var n && (n.EndsWith("HttpApi") || n.EndsWith("RestApi") || n.EndsWith("HttpApiAttribute") || n.EndsWith("RestApiAttribute"))))
            {
                index = i;
                break;
            }

            index = i + 1;
        }

        // Plain (not elastic) brackets: the layout is decided here, and formatting must not pull neighbours together.
        var list = SyntaxFactory.AttributeList(
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBracketToken, SyntaxTriviaList.Empty),
            null,
            SyntaxFactory.SingletonSeparatedList(attribute),
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBracketToken, SyntaxTriviaList.Empty));
        if (index < lists.Count)
        {
            var next = lists[index];
            var previous = next.GetFirstToken().GetPreviousToken();
            var endOfLine = previous.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            list = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia)
                ? list.WithLeadingTrivia(next.GetLeadingTrivia()).WithTrailingTrivia(endOfLine)   // the routes are on their own lines
                : list.WithLeadingTrivia(next.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
            return method.WithAttributeLists(lists.Insert(index, list));
        }

        // No route attribute list found (should not happen): append after the last list.
        return method.WithAttributeLists(lists.Add(list.WithTrailingTrivia(SyntaxFactory.Space)));
    }

    private sealed class FixAll : WholeScopeFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
        {
            var key = fixAllContext.CodeActionEquivalenceKey;
            if (key is null || !(key == AllowAnonymousKey || key.StartsWith(AuthorizeKeyPrefix, System.StringComparison.Ordinal)))
            {
                return null;
            }

            var title = key == AllowAnonymousKey ? "Mark every route [AllowAnonymous]" : $"Add [Authorize(\"{key.Substring(AuthorizeKeyPrefix.Length)}\")] to every route";
            return CodeAction.Create(title, async ct =>
            {
                var solution = fixAllContext.Solution;
                foreach (var group in All(byProject).Where(d => d.Location.SourceTree is not null).GroupBy(d => d.Location.SourceTree!))
                {
                    if (solution.GetDocument(group.Key) is { } document)
                    {
                        var fixedDocument = await Apply(document, group, key, ct).ConfigureAwait(false);
                        solution = fixedDocument.Project.Solution;
                    }
                }

                return solution;
            }, key);
        }
    }
}
