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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS1100-SLS1102, SLS1111-SLS1113, SLS3008: sets a function setting to the nearest allowed value. The diagnostic says which
/// property and which value (<see cref="LimitPropertyNames"/>), so nothing is re-analyzed. On the argument's expression
/// (<c>Timeout = 1200</c>) the expression is replaced; elsewhere on the method (<c>[LambdaEdge]</c> or a route
/// attribute, for a value inherited from the app) the property is set on the method's <c>[LambdaFunction]</c>, or for a
/// routed method of a class function on the class's (in the same file). Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetLimitCodeFixProvider)), Shared]
public sealed class SetLimitCodeFixProvider : SyntaxEditCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.TimeoutOutOfRange,
        RuleIdentifiers.MemorySizeOutOfRange,
        RuleIdentifiers.EphemeralStorageOutOfRange,
        RuleIdentifiers.EdgeTimeout,
        RuleIdentifiers.EdgeViewerMemory,
        RuleIdentifiers.EdgeArchitecture,
        RuleIdentifiers.TimeoutAboveIntegrationTimeout);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (SetLimitRequest.TryCreate(diagnostic) is not { } request)
            {
                continue;
            }

            Register(context, diagnostic, request.Title, request.EquivalenceKey);
        }

        return Task.CompletedTask;
    }

    /// <summary>Fix All: every diagnostic with the same fix (rule and setting).</summary>
    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => SetLimitRequest.TryCreate(diagnostic)?.EquivalenceKey == equivalenceKey;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) => "Set every setting to the nearest allowed value";

    protected override Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken) =>
        SetLimitRequest.ApplyAsync(document, diagnostics, cancellationToken);
}

/// <summary>What one diagnostic asks to set, read from its properties.</summary>
internal sealed class SetLimitRequest
{
    private SetLimitRequest(Diagnostic diagnostic, string setting, string value)
    {
        Diagnostic = diagnostic;
        Setting = setting;
        Value = value;
    }

    public Diagnostic Diagnostic { get; }

    public string Setting { get; }

    public string Value { get; }

    public string EquivalenceKey => Diagnostic.Id + ".Set" + Setting;

    public string Title => "Set " + Setting + " = " + (Value.StartsWith("global::Serverless.", StringComparison.Ordinal) ? Value.Substring("global::Serverless.".Length) : Value);

    public static SetLimitRequest? TryCreate(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(LimitPropertyNames.Setting, out var setting) && setting is { Length: > 0 }
        && diagnostic.Properties.TryGetValue(LimitPropertyNames.Value, out var value) && value is { Length: > 0 }
        && diagnostic.Location.IsInSource
            ? new SetLimitRequest(diagnostic, setting, value)
            : null;

    /// <summary>Applies every fixable diagnostic of <paramref name="diagnostics"/> that lies in <paramref name="document"/>, in one edit.</summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var changed = false;
        foreach (var diagnostic in diagnostics)
        {
            if (TryCreate(diagnostic) is not { } request || DiagnosticNode.Find(root, diagnostic) is not { } node)
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            var argument = node.FirstAncestorOrSelf<AttributeArgumentSyntax>();
            if (argument is { NameEquals: { } nameEquals } && nameEquals.Name.Identifier.ValueText == request.Setting && argument.Expression.Span == span)
            {
                editor.ReplaceNode(argument.Expression, (current, _) => request.NewValue().WithTriviaFrom(current));
                changed = true;
                continue;
            }

            // The method's [LambdaFunction], else (a routed method of a class function) the class's.
            var method = node.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            var attribute = method is null ? null : FindLambdaFunction(method.AttributeLists, model, cancellationToken);
            if (attribute is null && method?.Parent is TypeDeclarationSyntax type)
            {
                attribute = FindLambdaFunction(type.AttributeLists, model, cancellationToken);
            }

            if (attribute is not null)
            {
                editor.ReplaceNode(attribute, (current, _) => request.SetOn((AttributeSyntax)current));
                changed = true;
            }
        }

        if (!changed)
        {
            return document;
        }

        var result = editor.GetChangedDocument();
        return await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private ExpressionSyntax NewValue() => SyntaxFactory.ParseExpression(Value).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary><paramref name="attribute"/> with <c>Setting = Value</c>: the argument's expression replaced, or the argument appended.</summary>
    private AttributeSyntax SetOn(AttributeSyntax attribute)
    {
        var list = attribute.ArgumentList;
        if (list is not null)
        {
            foreach (var existing in list.Arguments)
            {
                if (existing.NameEquals?.Name.Identifier.ValueText == Setting)
                {
                    return attribute.ReplaceNode(existing.Expression, NewValue().WithTriviaFrom(existing.Expression));
                }
            }
        }

        var added = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(Setting), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            NewValue());
        if (list is null || list.Arguments.Count == 0)
        {
            return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(added)));
        }

        var nodes = list.Arguments.GetWithSeparators().ToList();
        nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        nodes.Add(added);
        return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(nodes)));
    }

    private static AttributeSyntax? FindLambdaFunction(SyntaxList<AttributeListSyntax> lists, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var type = model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType;
                if (type is not null && type.ToDisplayString() == KnownNames.LambdaFunctionAttribute)
                {
                    return attribute;
                }
            }
        }

        return null;
    }
}

