using System;
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
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes.Http;

/// <summary>
/// SLS3003, two fixes: bind the parameter from the query string (<c>[FromRoute]</c> becomes <c>[FromQuery]</c>, its
/// name kept), or add <c>{name}</c> as a new last segment to every route of the method. The second is offered only
/// when every route is a string literal without a greedy <c>{rest+}</c> (which must stay last). Fix All of either adds
/// every value once, in parameter order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteValueNotInRouteCodeFixProvider)), Shared]
public sealed class RouteValueNotInRouteCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string FromQueryKey = "SLS3003.BindFromQuery";
    internal const string AddToRouteKey = "SLS3003.AddToRoute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RouteValueNotInRoute);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (RouteName(diagnostic) is not { } name
                || HttpFixSyntax.FindParameter(root, diagnostic.Location.SourceSpan) is not { } parameter
                || HttpFixSyntax.FindAttribute(parameter, HttpKnownNames.FromRouteAttribute, model, context.CancellationToken) is null)
            {
                continue;
            }

            Register(context, diagnostic, "Bind '" + parameter.Identifier.ValueText + "' from the query string", FromQueryKey);
            if (parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                && EditableRoutes(method, model, context.CancellationToken) is not null)
            {
                Register(context, diagnostic, "Add '{" + name + "}' to the route", AddToRouteKey);
            }
        }
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) =>
        equivalenceKey is FromQueryKey or AddToRouteKey && RouteName(diagnostic) is not null;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Fix every route value that is not in the route";

    private static string? RouteName(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HttpPropertyNames.RouteParameter, out var name) && !string.IsNullOrEmpty(name) ? name : null;

    /// <summary>The method's route literals, or null when one cannot take another segment (not a literal, or greedy).</summary>
    private static List<LiteralExpressionSyntax>? EditableRoutes(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var literals = new List<LiteralExpressionSyntax>();
        foreach (var route in HttpFixSyntax.RouteAttributes(method, model, cancellationToken))
        {
            if (route.RouteLiteral is not { } literal || !HttpRouteTemplateParser.TryParse(literal.Token.ValueText, out _, out var greedy) || greedy)
            {
                return null;
            }

            literals.Add(literal);
        }

        return literals.Count == 0 ? null : literals;
    }

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        if (key == FromQueryKey)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree == root.SyntaxTree
                    && HttpFixSyntax.FindParameter(root, diagnostic.Location.SourceSpan) is { } parameter
                    && HttpFixSyntax.FindAttribute(parameter, HttpKnownNames.FromRouteAttribute, model, cancellationToken) is { } attribute)
                {
                    replacements[attribute] = HttpFixSyntax.Rename(attribute, "FromRoute", "FromQuery");
                }
            }
        }
        else
        {
            // Per method, the values to append, in parameter order.
            var byMethod = new Dictionary<MethodDeclarationSyntax, List<(int Position, string Name)>>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree == root.SyntaxTree && RouteName(diagnostic) is { } name
                    && HttpFixSyntax.FindParameter(root, diagnostic.Location.SourceSpan) is { } parameter
                    && parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
                {
                    if (!byMethod.TryGetValue(method, out var names))
                    {
                        byMethod[method] = names = new List<(int, string)>();
                    }

                    names.Add((parameter.SpanStart, name));
                }
            }

            foreach (var pair in byMethod)
            {
                if (EditableRoutes(pair.Key, model, cancellationToken) is not { } literals)
                {
                    continue;
                }

                var names = pair.Value.OrderBy(n => n.Position).Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                foreach (var literal in literals)
                {
                    var template = literal.Token.ValueText;
                    var segments = string.Concat(names.Select(n => "/{" + n + "}"));
                    var updated = template == "/" ? segments : template + segments;
                    replacements[literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(updated)).WithTriviaFrom(literal);
                }
            }
        }

        return await HttpFixSyntax.ReplaceAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }
}
