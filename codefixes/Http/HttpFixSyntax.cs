using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes.Http;

/// <summary>One <c>[HttpApi]</c>/<c>[RestApi]</c> on a method, with its verb and route arguments as written.</summary>
internal sealed class RouteAttributeSyntax
{
    public RouteAttributeSyntax(AttributeSyntax attribute, string kind, AttributeArgumentSyntax? verb, AttributeArgumentSyntax? route)
    {
        Attribute = attribute;
        Kind = kind;
        Verb = verb;
        Route = route;
    }

    public AttributeSyntax Attribute { get; }

    /// <summary><c>HttpApi</c> or <c>RestApi</c>: two routes collide only within one kind.</summary>
    public string Kind { get; }

    public AttributeArgumentSyntax? Verb { get; }

    public AttributeArgumentSyntax? Route { get; }

    /// <summary>The route template when it is written as a string literal (the only form the fixes edit).</summary>
    public LiteralExpressionSyntax? RouteLiteral => Route?.Expression as LiteralExpressionSyntax is { } literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
}

/// <summary>Syntax helpers shared by the HTTP fixes (SLS3002, SLS3003, SLS3005).</summary>
internal static class HttpFixSyntax
{
    /// <summary>The parameter whose name the diagnostic is on (SLS3003, SLS3005 are reported on the parameter).</summary>
    public static ParameterSyntax? FindParameter(SyntaxNode root, TextSpan span) =>
        span.End > root.FullSpan.End ? null : root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<ParameterSyntax>();

    /// <summary>The method's route attributes, in source order.</summary>
    public static List<RouteAttributeSyntax> RouteAttributes(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var routes = new List<RouteAttributeSyntax>();
        foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes))
        {
            var name = AttributeTypeName(attribute, model, cancellationToken);
            if (name is HttpKnownNames.HttpApiAttribute or HttpKnownNames.RestApiAttribute)
            {
                routes.Add(new RouteAttributeSyntax(
                    attribute,
                    name == HttpKnownNames.HttpApiAttribute ? "HttpApi" : "RestApi",
                    ConstructorArgument(attribute, 0, "method"),
                    ConstructorArgument(attribute, 1, "route")));
            }
        }

        return routes;
    }

    /// <summary>The parameter's attribute of the given type (metadata name), if any.</summary>
    public static AttributeSyntax? FindAttribute(ParameterSyntax parameter, string metadataName, SemanticModel model, CancellationToken cancellationToken) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => AttributeTypeName(a, model, cancellationToken) == metadataName);

    /// <summary>
    /// <paramref name="attribute"/> as another attribute of Serverless with the same arguments: <c>[FromRoute("x")]</c>
    /// becomes <c>[FromQuery("x")]</c>, keeping how the name is written (<c>FromRouteAttribute</c>, <c>Serverless.FromRoute</c>).
    /// </summary>
    public static AttributeSyntax Rename(AttributeSyntax attribute, string from, string to)
    {
        var last = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (last is IdentifierNameSyntax identifier && identifier.Identifier.ValueText.StartsWith(from, StringComparison.Ordinal))
        {
            var text = to + identifier.Identifier.ValueText.Substring(from.Length);
            return attribute.ReplaceToken(identifier.Identifier, SyntaxFactory.Identifier(text).WithTriviaFrom(identifier.Identifier));
        }

        // An alias or another spelling: name the attribute fully and let the simplifier shorten it.
        var name = SyntaxFactory.ParseName("global::Serverless." + to).WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(attribute.Name);
        return attribute.WithName(name);
    }

    /// <summary>
    /// <paramref name="document"/> with each key of <paramref name="replacements"/> replaced by its value in one edit, and
    /// the names the replacements wrote in full (<c>global::Serverless.HttpVerb.Post</c>) simplified; the document
    /// itself when there is nothing to replace.
    /// </summary>
    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode root, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        if (replacements.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        return await Simplifier.ReduceAsync(document.WithSyntaxRoot(newRoot), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A C# parameter name for a route value: the name itself, <c>@</c>-escaped when it is a keyword, or camel-cased
    /// when it holds <c>-</c> or <c>.</c> (<c>user-id</c> → <c>userId</c>; then the caller binds it with <c>[FromRoute("user-id")]</c>).
    /// </summary>
    public static string Identifier(string routeName)
    {
        var parts = routeName.Split(new[] { '-', '.' }, StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length == 0 ? "value" : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        if (!SyntaxFacts.IsIdentifierStartCharacter(name[0]))
        {
            name = "_" + name;
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary><paramref name="list"/> with <paramref name="parameter"/> inserted at <paramref name="index"/>, separators spaced like the list's.</summary>
    public static ParameterListSyntax Insert(ParameterListSyntax list, int index, ParameterSyntax parameter)
    {
        var parameters = list.Parameters;
        var separator = parameters.SeparatorCount > 0 ? parameters.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var nodes = new List<SyntaxNodeOrToken>();
        if (parameters.Count == 0)
        {
            return list.WithParameters(SyntaxFactory.SingletonSeparatedList(parameter));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (i == index)
            {
                nodes.Add(parameter.WithLeadingTrivia(parameters[i].GetLeadingTrivia()));
                nodes.Add(separator);
                nodes.Add(parameters[i].WithLeadingTrivia(i == 0 ? SyntaxTriviaList.Empty : parameters[i].GetLeadingTrivia()));
            }
            else
            {
                nodes.Add(parameters[i]);
            }

            if (i < parameters.SeparatorCount)
            {
                nodes.Add(parameters.GetSeparator(i));
            }
        }

        if (index >= parameters.Count)
        {
            nodes.Add(separator);
            nodes.Add(parameter.WithLeadingTrivia(parameters.Count > 1 ? parameters[parameters.Count - 1].GetLeadingTrivia() : SyntaxTriviaList.Empty));
        }

        return list.WithParameters(SyntaxFactory.SeparatedList<ParameterSyntax>(nodes));
    }

    /// <summary>The constructor argument at <paramref name="position"/>, written positionally or as <c>name:</c>.</summary>
    private static AttributeArgumentSyntax? ConstructorArgument(AttributeSyntax attribute, int position, string name)
    {
        if (attribute.ArgumentList is not { } list)
        {
            return null;
        }

        var named = list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }

        return position < list.Arguments.Count && list.Arguments[position] is { NameEquals: null, NameColon: null } positional ? positional : null;
    }

    private static string? AttributeTypeName(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType?.ToDisplayString();
}
