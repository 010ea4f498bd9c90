using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS3021: removes the method's <c>[LambdaFunction]</c> (the diagnostic's span), so that the method's routes join its class
/// function; nothing else moves (settings written on the method's attribute are dropped with it). SLS3023: removes the
/// ineffective <c>[Environment]</c>/<c>[RdsProxy]</c>/<c>[LambdaEdge]</c> of a routed method the same way. The attribute
/// list goes when it held only that attribute. Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveMethodLambdaFunctionCodeFixProvider)), Shared]
public sealed class RemoveMethodLambdaFunctionCodeFixProvider : SyntaxEditCodeFixProvider
{
    private const string Title = "Remove [LambdaFunction] from the method: its routes join the class function";
    private const string SettingTitle = "Remove the attribute: the class function's settings come from the class";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.LambdaFunctionInClassFunction, RuleIdentifiers.SettingOnEndpoint);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.IsInSource)
            {
                Register(context, diagnostic, diagnostic.Id == RuleIdentifiers.SettingOnEndpoint ? SettingTitle : Title, EquivalenceKey(diagnostic.Id));
            }
        }

        return Task.CompletedTask;
    }

    internal static string EquivalenceKey(string id) => nameof(RemoveMethodLambdaFunctionCodeFixProvider) + "." + id;

    /// <summary>Fix All of one rule's action: every diagnostic of that rule.</summary>
    protected override bool FixesAll(Diagnostic diagnostic, string equivalenceKey) => EquivalenceKey(diagnostic.Id) == equivalenceKey;

    protected override string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.All(d => d.Id == RuleIdentifiers.SettingOnEndpoint)
            ? "Remove every ineffective setting attribute from the methods of class functions"
            : "Remove [LambdaFunction] from every method of a class function";

    /// <summary>Removes the attribute of every diagnostic of <paramref name="diagnostics"/> that lies in <paramref name="document"/>, in one edit.</summary>
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
            if (diagnostic.Id is not (RuleIdentifiers.LambdaFunctionInClassFunction or RuleIdentifiers.SettingOnEndpoint)
                || DiagnosticNode.Find(root, diagnostic)?.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } attribute
                || list.Parent is not MethodDeclarationSyntax method)
            {
                continue;
            }

            if (list.Attributes.Count > 1)
            {
                editor.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
            }
            else
            {
                // The list goes; what follows it takes its leading trivia (indentation, doc comment), so the layout stays.
                var index = method.AttributeLists.IndexOf(list);
                var next = list.GetLastToken().GetNextToken();
                var updated = method.ReplaceToken(next, next.WithLeadingTrivia(list.GetLeadingTrivia()));
                editor.ReplaceNode(method, updated.WithAttributeLists(updated.AttributeLists.RemoveAt(index)));
            }

            changed = true;
        }

        return changed ? editor.GetChangedDocument() : document;
    }
}
