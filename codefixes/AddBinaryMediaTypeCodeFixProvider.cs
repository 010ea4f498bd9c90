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
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS3024 (a REST route's binary response its API passes as text): adds the media type to
/// <c>RestApiOptions.BinaryMediaTypes</c>, wherever the app's <c>[assembly: RestApiOptions]</c> is (another document
/// too): appended to the array, or a new <c>BinaryMediaTypes = new[] { ... }</c> argument; without the attribute, a new
/// <c>[assembly: RestApiOptions(...)]</c> in the diagnostic's document; <c>null</c> becomes the array. Anything else
/// (<c>new string[0]</c>, code that does not compile) offers no fix. Fix All adds every type of the scope once per project.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddBinaryMediaTypeCodeFixProvider)), Shared]
public sealed class AddBinaryMediaTypeCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = RuleIdentifiers.BinaryResponseNotBinary + ".AddBinaryMediaType";
    private const string Argument = "BinaryMediaTypes";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BinaryResponseNotBinary);

    public override FixAllProvider GetFixAllProvider() => AddBinaryMediaTypeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (MediaType(diagnostic) is not { } media)
            {
                continue;
            }

            // Worked out now, so that a list the fix cannot edit (no initializer, code that does not compile) offers no action.
            var solution = context.Document.Project.Solution;
            var updated = await ApplyAsync(solution, new[] { new Edit(context.Document.Id, new[] { media }) }, context.CancellationToken).ConfigureAwait(false);
            if (updated != solution)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Add \"{media}\" to RestApiOptions.BinaryMediaTypes", _ => Task.FromResult(updated), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    internal static string? MediaType(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AuthPropertyNames.BinaryMediaType, out var media) && !string.IsNullOrEmpty(media) ? media : null;

    /// <summary>The types one project needs, and the document that gets a new attribute when the project has none.</summary>
    internal sealed record Edit(DocumentId Document, IReadOnlyList<string> MediaTypes);

    /// <summary>Each edit in turn (one per project): the solution with the types listed.</summary>
    internal static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<Edit> edits, CancellationToken cancellationToken)
    {
        foreach (var edit in edits)
        {
            solution = await ApplyAsync(solution, edit, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, Edit edit, CancellationToken cancellationToken)
    {
        if (solution.GetDocument(edit.Document) is not { } document
            || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return solution;
        }

        var options = compilation.GetTypeByMetadataName(ApiKnownNames.RestApiOptionsAttribute);
        var declared = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => options is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, options));
        if (declared?.ApplicationSyntaxReference is { } reference)
        {
            var attribute = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) as AttributeSyntax;
            var target = attribute is null ? null : solution.GetDocument(attribute.SyntaxTree);
            if (attribute is null || target is null || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return solution;
            }

            var updated = WithTypes(attribute, edit.MediaTypes);
            return updated is null ? solution : target.WithSyntaxRoot(root.ReplaceNode(attribute, updated)).Project.Solution;
        }

        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax unit)
        {
            return solution;
        }

        // A new assembly attribute after the usings; the name is qualified unless the document imports Serverless.
        var name = unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == "Serverless")
            ? "RestApiOptions" : "Serverless.RestApiOptions";
        // The blank lines before what follows go before the attribute; comments stay with their declaration.
        var next = unit.Members.FirstOrDefault()?.GetFirstToken() ?? unit.EndOfFileToken;
        var blank = next.LeadingTrivia.TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
        var list = SyntaxFactory.ParseCompilationUnit($"[assembly: {name}({Argument} = new[] {{ {Literals(edit.MediaTypes)} }})]")
            .AttributeLists[0]
            .WithLeadingTrivia(blank)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"), SyntaxFactory.EndOfLine("\n"));
        var moved = unit.ReplaceToken(next, next.WithLeadingTrivia(next.LeadingTrivia.Skip(blank.Count)));
        return document.WithSyntaxRoot(moved.WithAttributeLists(moved.AttributeLists.Add(list))).Project.Solution;
    }

    /// <summary>The attribute with the types it does not list yet; null when it lists them all, or its list is not an array (or null).</summary>
    private static AttributeSyntax? WithTypes(AttributeSyntax attribute, IReadOnlyList<string> mediaTypes)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == Argument);
        if (argument is null)
        {
            var named = SyntaxFactory.ParseExpression($"new[] {{ {Literals(mediaTypes)} }}");
            var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(Argument), null, named);
            if (attribute.ArgumentList is not { } arguments)
            {
                return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(added)));
            }

            return attribute.WithArgumentList(arguments.WithArguments(Append(arguments.Arguments, new[] { added })));
        }

        var listed = argument.Expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.ToList(),
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) => new List<ExpressionSyntax>(),
            _ => null,
        };
        if (listed is null)
        {
            return null;
        }

        var missing = mediaTypes
            .Where(m => !listed.Any(e => e is LiteralExpressionSyntax literal && literal.Token.Value is string s && string.Equals(s, m, System.StringComparison.OrdinalIgnoreCase)))
            .Select(m => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(m)))
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        ExpressionSyntax expression = argument.Expression switch
        {
            CollectionExpressionSyntax collection => collection.WithElements(Append(collection.Elements, missing.Select(m => (CollectionElementSyntax)SyntaxFactory.ExpressionElement(m)))),
            ArrayCreationExpressionSyntax array => array.WithInitializer(array.Initializer!.WithExpressions(Append(array.Initializer.Expressions, missing))),
            ImplicitArrayCreationExpressionSyntax array => array.WithInitializer(array.Initializer.WithExpressions(Append(array.Initializer.Expressions, missing))),
            _ => SyntaxFactory.ParseExpression($"new[] {{ {Literals(mediaTypes)} }}").WithTriviaFrom(argument.Expression),
        };
        return attribute.ReplaceNode(argument, argument.WithExpression(expression));
    }

    /// <summary>The list with the new items after the last, each after a comma and a space; what followed the last item (the space before <c>}</c>) follows the new last.</summary>
    private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, IEnumerable<T> items) where T : SyntaxNode
    {
        var nodes = list.ToList();
        var separators = list.GetSeparators().Take(System.Math.Max(0, nodes.Count - 1)).ToList();
        var trailing = nodes.Count == 0 ? default : nodes[nodes.Count - 1].GetTrailingTrivia();
        if (nodes.Count > 0)
        {
            nodes[nodes.Count - 1] = nodes[nodes.Count - 1].WithoutTrailingTrivia();
        }

        foreach (var item in items)
        {
            if (nodes.Count > 0)
            {
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken));
            }

            nodes.Add(nodes.Count == 0 ? item : item.WithLeadingTrivia(SyntaxFactory.Space));
        }

        nodes[nodes.Count - 1] = nodes[nodes.Count - 1].WithTrailingTrivia(trailing);
        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    private static string Literals(IEnumerable<string> mediaTypes) =>
        string.Join(", ", mediaTypes.Select(m => SyntaxFactory.Literal(m).ToString()));
}

/// <summary>Fix All for SLS3024: every media type of the scope, added once per project.</summary>
internal sealed class AddBinaryMediaTypeFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly AddBinaryMediaTypeFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var solution = fixAllContext.Solution;
        var edits = new List<AddBinaryMediaTypeCodeFixProvider.Edit>();
        foreach (var (_, diagnostics) in byProject)
        {
            var ours = diagnostics
                .Where(d => d.Id == RuleIdentifiers.BinaryResponseNotBinary && d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            var types = ours.Select(AddBinaryMediaTypeCodeFixProvider.MediaType).Where(m => m is not null).Select(m => m!)
                .Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            if (types.Count > 0 && solution.GetDocument(ours[0].Location.SourceTree) is { } document)
            {
                edits.Add(new AddBinaryMediaTypeCodeFixProvider.Edit(document.Id, types));
            }
        }

        return fixAllContext.CodeActionEquivalenceKey != AddBinaryMediaTypeCodeFixProvider.EquivalenceKey || edits.Count == 0
            ? null
            : CodeAction.Create("Add the binary responses' media types to RestApiOptions.BinaryMediaTypes",
                ct => AddBinaryMediaTypeCodeFixProvider.ApplyAsync(solution, edits, ct), AddBinaryMediaTypeCodeFixProvider.EquivalenceKey);
    }
}
