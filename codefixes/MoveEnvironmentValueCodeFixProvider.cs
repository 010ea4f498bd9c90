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
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS1121: turns a secret-looking literal into <c>FromSecret = "&lt;app&gt;/&lt;key&gt;"</c>; SLS1120: turns the function's largest
/// literal value into <c>FromParameter = "/&lt;app&gt;/&lt;key&gt;"</c>. The diagnostic carries the argument name, the
/// reference and (SLS1120, as its additional location) the literal to replace, which may be in another document (an
/// assembly- or class-level <c>[Environment]</c>). Fix All edits each literal once, however many functions share it.
/// The value itself moves out of the code: store it under the suggested name before deploying.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveEnvironmentValueCodeFixProvider)), Shared]
public sealed class MoveEnvironmentValueCodeFixProvider : CodeFixProvider
{
    internal const string ParameterKey = "SLS1120.MoveToParameter";
    internal const string SecretKey = "SLS1121.MoveToSecret";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.EnvironmentTooLarge, RuleIdentifiers.SecretInEnvironment);

    public override FixAllProvider GetFixAllProvider() => MoveEnvironmentValueFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (EnvironmentEdit.TryCreate(diagnostic, solution) is not { } edit)
            {
                continue;
            }

            var title = edit.Argument == "FromSecret"
                ? "Read '" + edit.Key + "' from Secrets Manager secret '" + edit.Reference + "'"
                : "Read '" + edit.Key + "' from SSM parameter '" + edit.Reference + "'";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => EnvironmentEdit.ApplyAsync(solution, new[] { edit }, ct), EquivalenceKey(diagnostic.Id)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    internal static string EquivalenceKey(string id) => id == RuleIdentifiers.EnvironmentTooLarge ? ParameterKey : SecretKey;
}

/// <summary>One literal value argument to replace with a named reference argument.</summary>
internal sealed record EnvironmentEdit(DocumentId Document, TextSpan Span, string Argument, string Reference, string Key)
{
    public static EnvironmentEdit? TryCreate(Diagnostic diagnostic, Solution solution)
    {
        if (!diagnostic.Properties.TryGetValue(EnvironmentPropertyNames.Argument, out var argument) || argument is not ("FromParameter" or "FromSecret")
            || !diagnostic.Properties.TryGetValue(EnvironmentPropertyNames.Reference, out var reference) || string.IsNullOrEmpty(reference)
            || !diagnostic.Properties.TryGetValue(EnvironmentPropertyNames.Key, out var key) || key is null)
        {
            return null;
        }

        // SLS1121 is reported at the literal; SLS1120 at the function, with the literal as its additional location.
        var location = diagnostic.Id == RuleIdentifiers.EnvironmentTooLarge
            ? diagnostic.AdditionalLocations.FirstOrDefault()
            : diagnostic.Location;
        if (location is null || !location.IsInSource || solution.GetDocument(location.SourceTree) is not { } document)
        {
            return null;
        }

        return new EnvironmentEdit(document.Id, location.SourceSpan, argument!, reference!, key);
    }

    /// <summary>Applies the edits, once per literal, document by document.</summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<EnvironmentEdit> edits, CancellationToken cancellationToken)
    {
        foreach (var group in edits.GroupBy(e => e.Document))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var targets = new Dictionary<AttributeArgumentListSyntax, (int Index, EnvironmentEdit Edit)>();
            foreach (var edit in group.GroupBy(e => e.Span).Select(g => g.First()))
            {
                if (edit.Span.End > root.FullSpan.End
                    || root.FindNode(edit.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { NameEquals: null } argument
                    || argument.Parent is not AttributeArgumentListSyntax list)
                {
                    continue;
                }

                targets[list] = (list.Arguments.IndexOf(argument), edit);
            }

            if (targets.Count == 0)
            {
                continue;
            }

            var newRoot = root.ReplaceNodes(targets.Keys, (original, rewritten) => Rewrite(rewritten, targets[original].Index, targets[original].Edit));
            solution = solution.WithDocumentSyntaxRoot(group.Key, newRoot);
        }

        return solution;
    }

    /// <summary>
    /// <c>("K", "literal")</c> becomes <c>("K", FromSecret = "id")</c>. A named argument must follow the positional ones, so
    /// when positional arguments come after the value (<c>value: "x", key: "K"</c>) the reference moves to the end.
    /// </summary>
    private static AttributeArgumentListSyntax Rewrite(AttributeArgumentListSyntax list, int index, EnvironmentEdit edit)
    {
        var old = list.Arguments[index];
        var named = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName(edit.Argument).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(edit.Reference)));

        var positionalAfter = list.Arguments.Skip(index + 1).Any(a => a.NameEquals is null);
        if (!positionalAfter)
        {
            return list.WithArguments(list.Arguments.Replace(old, named.WithTriviaFrom(old)));
        }

        var rest = list.Arguments.Remove(old);
        var first = rest[0];
        rest = rest.Replace(first, first.WithLeadingTrivia(old.GetLeadingTrivia()));
        return list.WithArguments(rest.Add(named.WithLeadingTrivia(SyntaxFactory.Space)));
    }
}

/// <summary>Fix All for SLS1120/SLS1121: every diagnostic in scope, each literal edited once.</summary>
internal sealed class MoveEnvironmentValueFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly MoveEnvironmentValueFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var diagnostics = All(byProject);

        var solution = fixAllContext.Solution;
        var key = fixAllContext.CodeActionEquivalenceKey;
        var edits = diagnostics
            .Where(d => MoveEnvironmentValueCodeFixProvider.EquivalenceKey(d.Id) == key && fixAllContext.DiagnosticIds.Contains(d.Id))
            .Select(d => EnvironmentEdit.TryCreate(d, solution))
            .Where(e => e is not null)
            .Select(e => e!)
            .ToList();
        if (edits.Count == 0)
        {
            return null;
        }

        var title = key == MoveEnvironmentValueCodeFixProvider.ParameterKey
            ? "Move the largest environment values to SSM Parameter Store"
            : "Move secret-looking environment values to Secrets Manager";
        return CodeAction.Create(title, ct => EnvironmentEdit.ApplyAsync(solution, edits, ct), key);
    }
}
