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
using Microsoft.CodeAnalysis.Simplification;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes.Http;

/// <summary>
/// SLS3002: adds a <c>string</c> parameter for a route value no parameter binds. It goes before the first parameter
/// that must stay last (<c>CancellationToken</c>, <c>ILambdaContext</c>, an optional or <c>params</c> parameter), is
/// named after the route value (<c>{proxy+}</c> gives <c>string proxy</c>), and a name that is no C# identifier
/// (<c>{user-id}</c>) becomes <c>[FromRoute("user-id")] string userId</c>. A string takes any segment; change the
/// type to parse it (<c>Guid</c>, <c>int</c>). Fix All adds each missing value of a method once, in route order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRouteParameterCodeFixProvider)), Shared]
public sealed class AddRouteParameterCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string EquivalenceKey = "SLS3002.AddParameter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RouteParameterNotBound);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (RouteName(diagnostic) is not { } name)
            {
                continue;
            }

            Register(context, diagnostic, "Add parameter 'string " + HttpFixSyntax.Identifier(name) + "' for '{" + name + "}'", EquivalenceKey);
        }

        return Task.CompletedTask;
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => equivalenceKey == EquivalenceKey && RouteName(diagnostic) is not null;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Add a parameter for every unbound route value";

    private static string? RouteName(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HttpPropertyNames.RouteParameter, out var name) && !string.IsNullOrEmpty(name) ? name : null;

    protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Per method: the missing route values, in the order they appear in its routes.
        var byMethod = new Dictionary<MethodDeclarationSyntax, List<(int Position, string Name)>>();
        foreach (var diagnostic in diagnostics)
        {
            if (RouteName(diagnostic) is not { } name
                || DiagnosticNode.Find(root, diagnostic)?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                continue;
            }

            var text = root.GetText().ToString(diagnostic.Location.SourceSpan);
            var offset = text.IndexOf("{" + name, StringComparison.OrdinalIgnoreCase);
            var position = diagnostic.Location.SourceSpan.Start + (offset < 0 ? text.Length : offset);
            if (!byMethod.TryGetValue(method, out var names))
            {
                byMethod[method] = names = new List<(int, string)>();
            }

            names.Add((position, name));
        }

        var newRoot = root.ReplaceNodes(byMethod.Keys, (original, current) =>
        {
            var list = current.ParameterList;
            var taken = new HashSet<string>(list.Parameters.Select(p => p.Identifier.ValueText), StringComparer.Ordinal);
            var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = InsertionIndex(original, model, cancellationToken);
            foreach (var (_, name) in byMethod[original].OrderBy(n => n.Position))
            {
                if (!added.Add(name))
                {
                    continue;   // missing from two routes of the method: one parameter binds both
                }

                list = HttpFixSyntax.Insert(list, index++, NewParameter(name, taken));
            }

            return current.WithParameterList(list);
        });
        return await Simplifier.ReduceAsync(document.WithSyntaxRoot(newRoot), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Before the first parameter that has to stay at the end: cancellation, context, optional or params.</summary>
    private static int InsertionIndex(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var parameters = method.ParameterList.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.Default is not null || parameter.Modifiers.Any(SyntaxKind.ParamsKeyword))
            {
                return i;
            }

            var type = parameter.Type is null ? null : model.GetTypeInfo(parameter.Type, cancellationToken).Type;
            var name = type?.ToDisplayString();
            if (name is KnownNames.CancellationToken or KnownNames.ILambdaContext)
            {
                return i;
            }
        }

        return parameters.Count;
    }

    private static ParameterSyntax NewParameter(string routeName, HashSet<string> taken)
    {
        var identifier = HttpFixSyntax.Identifier(routeName);
        var explicitName = identifier.TrimStart('@') != routeName;
        if (taken.Contains(identifier.TrimStart('@')))
        {
            identifier = identifier.TrimStart('@') + "Value";
            explicitName = true;
        }

        taken.Add(identifier.TrimStart('@'));
        var token = SyntaxFactory.Identifier(SyntaxTriviaList.Empty, SyntaxKind.IdentifierToken, identifier, identifier.TrimStart('@'), SyntaxTriviaList.Empty);
        var parameter = SyntaxFactory.Parameter(token)
            .WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
        if (!explicitName)
        {
            return parameter;
        }

        // [FromRoute("user-id")], named fully so that it binds without a using; the simplifier shortens it.
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::Serverless.FromRoute").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ParseAttributeArgumentList("(" + SyntaxFactory.Literal(routeName).ToString() + ")"));
        return parameter.WithAttributeLists(SyntaxFactory.SingletonList(
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
