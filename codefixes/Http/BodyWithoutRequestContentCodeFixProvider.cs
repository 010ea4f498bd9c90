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
/// SLS3005, two fixes: make the routes <c>POST</c> (every <c>HttpVerb.Get</c>/<c>Head</c>/<c>Delete</c> of the method's
/// <c>[HttpApi]</c>/<c>[RestApi]</c> becomes <c>HttpVerb.Post</c>; not offered when two routes would then be the same),
/// or, when the parameter's type is a simple type the query can hold (diagnostic property
/// <see cref="HttpPropertyNames.BindableFromQuery"/>), bind it from the query string (<c>[FromBody]</c> becomes
/// <c>[FromQuery]</c>). Fix All (document, project, solution) of either.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BodyWithoutRequestContentCodeFixProvider)), Shared]
public sealed class BodyWithoutRequestContentCodeFixProvider : SyntaxEditCodeFixProvider
{
    internal const string PostKey = "SLS3005.UsePost";
    internal const string FromQueryKey = "SLS3005.BindFromQuery";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BodyWithoutRequestContent);

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
            if (HttpFixSyntax.FindParameter(root, diagnostic.Location.SourceSpan) is not { } parameter
                || parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                continue;
            }

            if (VerbsToChange(method, model, context.CancellationToken) is not null)
            {
                Register(context, diagnostic, "Use POST for '" + method.Identifier.ValueText + "'", PostKey);
            }

            if (BindableFromQuery(diagnostic))
            {
                Register(context, diagnostic, "Bind '" + parameter.Identifier.ValueText + "' from the query string", FromQueryKey);
            }
        }
    }

    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) =>
        equivalenceKey == PostKey || (equivalenceKey == FromQueryKey && BindableFromQuery(diagnostic));

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Fix every body on a GET, HEAD or DELETE route";

    private static bool BindableFromQuery(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(HttpPropertyNames.BindableFromQuery, out var value) && value == "true";

    /// <summary>
    /// The verb expressions to make POST, or null when the method's routes cannot all be changed: a verb that is not
    /// written as an argument, or two routes of one kind and template that would become the same route.
    /// </summary>
    private static List<ExpressionSyntax>? VerbsToChange(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var verbs = new List<ExpressionSyntax>();
        var routes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in HttpFixSyntax.RouteAttributes(method, model, cancellationToken))
        {
            var template = route.Route is { } argument ? model.GetConstantValue(argument.Expression, cancellationToken) : default;
            if (route.Verb is not { } verb || !template.HasValue || template.Value is not string text || !routes.Add(route.Kind + " " + text))
            {
                return null;
            }

            verbs.Add(verb.Expression);
        }

        return verbs.Count == 0 ? null : verbs;
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
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree
                || HttpFixSyntax.FindParameter(root, diagnostic.Location.SourceSpan) is not { } parameter)
            {
                continue;
            }

            if (key == PostKey)
            {
                if (parameter.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method && VerbsToChange(method, model, cancellationToken) is { } verbs)
                {
                    foreach (var verb in verbs)
                    {
                        replacements[verb] = SyntaxFactory.ParseExpression("global::Serverless.HttpVerb.Post")
                            .WithAdditionalAnnotations(Simplifier.Annotation)
                            .WithTriviaFrom(verb);
                    }
                }
            }
            else if (key == FromQueryKey && BindableFromQuery(diagnostic))
            {
                if (HttpFixSyntax.FindAttribute(parameter, HttpKnownNames.FromBodyAttribute, model, cancellationToken) is { } fromBody)
                {
                    replacements[fromBody] = HttpFixSyntax.Rename(fromBody, "FromBody", "FromQuery");
                }
            }
        }

        return await HttpFixSyntax.ReplaceAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }
}
