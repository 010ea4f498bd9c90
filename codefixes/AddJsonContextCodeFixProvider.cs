using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS1015: creates the app's <c>JsonSerializerContext</c> (<c>AppJson.cs</c>, in the handler's namespace) with a
/// <c>[JsonSerializable]</c> entry for the handler type. Fix All creates one context with every type in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonContextCodeFixProvider)), Shared]
public sealed class AddJsonContextCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SLS1015.AddJsonContext";
    private const string ContextName = "AppJson";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.NoJsonContext);

    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Type, out var type) || string.IsNullOrEmpty(type))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Create a JsonSerializerContext '" + ContextName + "' for the handler types",
                    ct => CreateContextAsync(document, new[] { diagnostic }, ct),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds <c>AppJson.cs</c> next to the first diagnostic's document, listing every diagnostic's type once.</summary>
    private static async Task<Solution> CreateContextAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var project = document.Project;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || model is null || root is null || diagnostics.Count == 0)
        {
            return project.Solution;
        }

        var types = diagnostics
            .Select(d => d.Properties.TryGetValue(DiagnosticPropertyNames.Type, out var t) ? t : null)
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(t => t!)
            .Distinct(System.StringComparer.Ordinal)
            .ToList();

        // The handler's namespace, so the context sits beside the types it lists.
        var namespaceName = model.GetEnclosingSymbol(diagnostics[0].Location.SourceSpan.Start, cancellationToken) is { } symbol
            ? (symbol as INamespaceSymbol ?? symbol.ContainingNamespace)
            : null;
        var ns = namespaceName is null || namespaceName.IsGlobalNamespace ? null : namespaceName.ToDisplayString();
        var name = UniqueName(compilation, ns, project);
        var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var fileScoped = root.DescendantNodes(n => n is CompilationUnitSyntax).OfType<FileScopedNamespaceDeclarationSyntax>().Any();

        var builder = new StringBuilder();
        builder.Append("using System.Text.Json.Serialization;").Append(newLine).Append(newLine);
        var indent = "";
        if (ns is not null && fileScoped)
        {
            builder.Append("namespace ").Append(ns).Append(';').Append(newLine).Append(newLine);
        }
        else if (ns is not null)
        {
            builder.Append("namespace ").Append(ns).Append(newLine).Append('{').Append(newLine);
            indent = "    ";
        }

        builder.Append(indent).Append("/// <summary>The app's System.Text.Json metadata for its handler types (trimming and Native AOT safe).</summary>").Append(newLine);
        foreach (var type in types)
        {
            builder.Append(indent).Append("[JsonSerializable(typeof(").Append(type).Append("))]").Append(newLine);
        }

        builder.Append(indent).Append("internal partial class ").Append(name).Append(" : JsonSerializerContext").Append(newLine)
            .Append(indent).Append('{').Append(newLine)
            .Append(indent).Append('}').Append(newLine);
        if (ns is not null && !fileScoped)
        {
            builder.Append('}').Append(newLine);
        }

        var parseOptions = document.Project.ParseOptions as CSharpParseOptions;
        var newRoot = CSharpSyntaxTree.ParseText(builder.ToString(), parseOptions, cancellationToken: cancellationToken).GetRoot(cancellationToken);
        newRoot = newRoot.ReplaceNodes(
            newRoot.DescendantNodes().OfType<TypeOfExpressionSyntax>().Select(t => t.Type),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));

        var folders = document.Folders;
        var directory = document.FilePath is { } path ? System.IO.Path.GetDirectoryName(path) : null;
        var newDocument = project.AddDocument(
            name + ".cs",
            newRoot,
            folders,
            directory is null ? null : System.IO.Path.Combine(directory, name + ".cs"));
        return newDocument.Project.Solution;
    }

    private static string UniqueName(Compilation compilation, string? ns, Project project)
    {
        var prefix = ns is null ? "" : ns + ".";
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? ContextName : ContextName + i;
            if (compilation.GetTypeByMetadataName(prefix + candidate) is null && !project.Documents.Any(d => d.Name == candidate + ".cs"))
            {
                return candidate;
            }
        }
    }

    /// <summary>One context per project with every SLS1015 type in scope.</summary>
    private sealed class FixAll : WholeScopeFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
        {
            var diagnostics = All(byProject);

            var solution = fixAllContext.Solution;
            var contextsByProject = diagnostics
                .Where(d => d.Id == RuleIdentifiers.NoJsonContext && d.Location.SourceTree is not null)
                .Select(d => (Diagnostic: d, Document: solution.GetDocument(d.Location.SourceTree)))
                .Where(x => x.Document is not null)
                .GroupBy(x => x.Document!.Project.Id)
                .ToList();
            return CodeAction.Create(
                "Create a JsonSerializerContext '" + ContextName + "' for every handler type",
                async ct =>
                {
                    var result = solution;
                    foreach (var group in contextsByProject)
                    {
                        var ordered = group
                            .OrderBy(x => x.Diagnostic.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                            .ThenBy(x => x.Diagnostic.Location.SourceSpan.Start)
                            .ToList();
                        var document = result.GetDocument(ordered[0].Document!.Id)!;
                        result = await CreateContextAsync(document, ordered.Select(x => x.Diagnostic).ToList(), ct).ConfigureAwait(false);
                    }

                    return result;
                },
                EquivalenceKey);
        }
    }
}
