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
public sealed class RouteAuthCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string AllowAnonymousKey = RuleIdentifiers.RouteWithoutAuth + ".AllowAnonymous";
    internal const string AuthorizeKeyPrefix = RuleIdentifiers.RouteWithoutAuth + ".Authorize.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RouteWithoutAuth);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            Register(context, diagnostic, "Mark the route [AllowAnonymous]", AllowAnonymousKey);
            foreach (var name in Authorizers(diagnostic))
            {
                Register(context, diagnostic, $"Add [Authorize(\"{name}\")]", AuthorizeKeyPrefix + name);
            }
        }

        return Task.CompletedTask;
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) =>
        equivalenceKey == AllowAnonymousKey || equivalenceKey.StartsWith(AuthorizeKeyPrefix, System.StringComparison.Ordinal);

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) =>
        equivalenceKey == AllowAnonymousKey ? "Mark every route [AllowAnonymous]" : $"Add [Authorize(\"{equivalenceKey.Substring(AuthorizeKeyPrefix.Length)}\")] to every route";

    private static IEnumerable<string> Authorizers(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AuthPropertyNames.Authorizers, out var names) && names is { Length: > 0 }
            ? names.Split('\n').Where(n => n.Length > 0)
            : Enumerable.Empty<string>();

    /// <summary>Adds the attribute of <paramref name="key"/> once to each method that holds one of the diagnostics.</summary>
    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var methods = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (DiagnosticNode.Find(root, diagnostic)?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
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
}
