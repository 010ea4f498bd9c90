using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Serverless.CodeFixes;

/// <summary>
/// Adds <c>[JsonSerializable(typeof(T))]</c> attribute lists to a JsonSerializerContext declaration: after its
/// last <c>[JsonSerializable]</c> (else after its last attribute, else first), one a line, with the declaration's
/// indentation and the file's line ending, skipping types the context already has.
/// </summary>
internal static class JsonSerializableWriter
{
    private const string JsonSerializableAttributeMetadataName = "System.Text.Json.Serialization.JsonSerializableAttribute";

    public static async Task<Solution> AddAsync(Solution solution, ProjectId projectId, IEnumerable<JsonSerializableEntry> entries, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        var compilation = project is null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var attributeType = compilation?.GetTypeByMetadataName(JsonSerializableAttributeMetadataName);
        if (project is null || compilation is null || attributeType is null)
        {
            return solution;
        }

        // Per context, in order of first appearance, without duplicates and without what the context already has.
        var additions = new Dictionary<INamedTypeSymbol, List<ITypeSymbol>>(SymbolEqualityComparer.Default);
        var contextsInOrder = new List<INamedTypeSymbol>();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.ResolveContext(compilation) is not { } jsonContext || entry.ResolveType(compilation) is not { } type)
            {
                continue;
            }

            if (!additions.TryGetValue(jsonContext, out var types))
            {
                types = new List<ITypeSymbol>();
                additions.Add(jsonContext, types);
                contextsInOrder.Add(jsonContext);
            }

            if (!types.Contains(type, SymbolEqualityComparer.Default) && !HasEntry(jsonContext, type, attributeType))
            {
                types.Add(type);
            }
        }

        // Group the edits by document so that two contexts in one file are both updated.
        var edits = new Dictionary<DocumentId, List<(ClassDeclarationSyntax Declaration, List<ITypeSymbol> Types)>>();
        foreach (var jsonContext in contextsInOrder)
        {
            var types = additions[jsonContext];
            if (types.Count == 0 || await ChooseDeclarationAsync(solution, jsonContext, attributeType, cancellationToken).ConfigureAwait(false) is not { } target)
            {
                continue;
            }

            if (!edits.TryGetValue(target.Document.Id, out var list))
            {
                list = new List<(ClassDeclarationSyntax, List<ITypeSymbol>)>();
                edits.Add(target.Document.Id, list);
            }

            list.Add((target.Declaration, types));
        }

        foreach (var pair in edits)
        {
            var document = solution.GetDocument(pair.Key)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var endOfLine = text.ToString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
            var byDeclaration = pair.Value.ToDictionary(e => (SyntaxNode)e.Declaration, e => e.Types);
            var newRoot = root.ReplaceNodes(
                byDeclaration.Keys,
                (original, rewritten) => AddAttributeLists((ClassDeclarationSyntax)rewritten, (ClassDeclarationSyntax)original, byDeclaration[original], attributeType, model, endOfLine));
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    private static bool HasEntry(INamedTypeSymbol jsonContext, ITypeSymbol type, INamedTypeSymbol attributeType) =>
        jsonContext.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is ITypeSymbol existing
            && SymbolEqualityComparer.Default.Equals(existing, type));

    /// <summary>
    /// The partial declaration that already lists [JsonSerializable] entries (the last such), else the first
    /// declaration in a regular (not generated) document.
    /// </summary>
    private static async Task<(Document Document, ClassDeclarationSyntax Declaration)?> ChooseDeclarationAsync(
        Solution solution, INamedTypeSymbol jsonContext, INamedTypeSymbol attributeType, CancellationToken cancellationToken)
    {
        (Document, ClassDeclarationSyntax)? first = null;
        (Document, ClassDeclarationSyntax)? withEntries = null;
        foreach (var reference in jsonContext.DeclaringSyntaxReferences)
        {
            if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration
                || solution.GetDocument(reference.SyntaxTree) is not { } document)
            {
                continue;
            }

            first ??= (document, declaration);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is not null && FindJsonSerializableLists(declaration, model, attributeType).Any())
            {
                withEntries = (document, declaration);
            }
        }

        return withEntries ?? first;
    }

    private static IEnumerable<AttributeListSyntax> FindJsonSerializableLists(ClassDeclarationSyntax declaration, SemanticModel model, INamedTypeSymbol attributeType) =>
        declaration.AttributeLists.Where(list => list.Target is null && list.Attributes.Any(a =>
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a).Symbol?.ContainingType, attributeType)));

    private static ClassDeclarationSyntax AddAttributeLists(
        ClassDeclarationSyntax declaration,
        ClassDeclarationSyntax original,
        List<ITypeSymbol> types,
        INamedTypeSymbol attributeType,
        SemanticModel model,
        SyntaxTrivia endOfLine)
    {
        var existingEntries = FindJsonSerializableLists(original, model, attributeType).ToList();

        // The name as the file already spells it, else a fully qualified name the simplifier shortens.
        var spelledName = existingEntries.Count > 0
            ? existingEntries[existingEntries.Count - 1].Attributes.First(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a).Symbol?.ContainingType, attributeType)).Name.WithoutTrivia().ToString()
            : null;

        var indentation = Indentation(declaration.GetLeadingTrivia());
        var newLists = types.Select(type => NewAttributeList(spelledName, type).WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine)).ToList();

        var lists = declaration.AttributeLists;
        if (lists.Count == 0)
        {
            // The declaration's leading trivia (comments, doc comments) moves in front of the first new list.
            var leading = declaration.GetLeadingTrivia();
            newLists[0] = newLists[0].WithLeadingTrivia(leading);
            var bare = declaration.WithLeadingTrivia(indentation);
            return bare.WithAttributeLists(SyntaxFactory.List(newLists));
        }

        var insertAt = lists.Count;
        if (existingEntries.Count > 0)
        {
            var lastEntry = original.AttributeLists.IndexOf(existingEntries[existingEntries.Count - 1]);
            if (lastEntry >= 0)
            {
                insertAt = lastEntry + 1;
            }
        }

        // Lists after the first carry only indentation as leading trivia; keep that of the list we follow.
        var reference = lists[insertAt - 1];
        var referenceIndentation = Indentation(reference.GetLeadingTrivia());
        newLists = newLists.Select(l => l.WithLeadingTrivia(referenceIndentation)).ToList();
        if (!reference.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            // Attributes written on one line with the declaration: continue on that line.
            newLists = newLists.Select(l => l.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space)).ToList();
        }

        return declaration.WithAttributeLists(lists.InsertRange(insertAt, newLists));
    }

    /// <summary>
    /// <c>[JsonSerializable(typeof(T))]</c>, parsed from text so that it carries no elastic trivia (the cleanup formatter
    /// then leaves the surrounding line as written); names the simplifier may shorten are annotated.
    /// </summary>
    private static AttributeListSyntax NewAttributeList(string? spelledName, ITypeSymbol type)
    {
        var name = spelledName ?? "global::System.Text.Json.Serialization.JsonSerializable";
        var text = "[" + name + "(typeof(" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "))]class C{}";
        var list = SyntaxFactory.ParseCompilationUnit(text).DescendantNodes().OfType<AttributeListSyntax>().First();
        var attribute = list.Attributes[0];
        var typeOf = (TypeOfExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression;
        return list.ReplaceNodes(
            new SyntaxNode[] { attribute.Name, typeOf.Type },
            (original, rewritten) => original == typeOf.Type || spelledName is null
                ? rewritten.WithAdditionalAnnotations(Simplifier.Annotation)
                : rewritten);
    }

    /// <summary>The whitespace after the last line break of <paramref name="leading"/>.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var result = new List<SyntaxTrivia>();
        for (var i = leading.Count - 1; i >= 0; i--)
        {
            var trivia = leading[i];
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                result.Insert(0, trivia);
                continue;
            }

            break;
        }

        return SyntaxFactory.TriviaList(result);
    }
}
