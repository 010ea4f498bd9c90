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
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS1014: adds <c>[JsonSerializable(typeof(T))]</c> for the missing handler type to the app's
/// <c>JsonSerializerContext</c>. The diagnostic carries the context's and the type's names, so nothing is
/// re-analyzed. Fix All (document, project, solution) adds every missing type once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableCodeFixProvider)), Shared]
public sealed class AddJsonSerializableCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SLS1014.AddJsonSerializable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.JsonContextLacksType);

    public override FixAllProvider GetFixAllProvider() => AddJsonSerializableFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!JsonSerializableEntry.TryCreate(diagnostic, out var entry)
                || entry.ResolveContext(compilation) is not { } jsonContext
                || entry.ResolveType(compilation) is not { } type)
            {
                continue;
            }

            var title = "Add [JsonSerializable(typeof(" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "))] to '" + jsonContext.Name + "'";
            var solution = context.Document.Project.Solution;
            var projectId = context.Document.Project.Id;
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => JsonSerializableWriter.AddAsync(solution, projectId, new[] { entry }, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }
}

/// <summary>
/// What one SLS1014 diagnostic asks for, read from its properties: the missing type and the context that lacks it, as
/// the fully qualified names the model writes (<c>global::App.Order</c>), bound against the compilation.
/// </summary>
internal readonly struct JsonSerializableEntry
{
    private JsonSerializableEntry(string contextName, string typeName)
    {
        ContextName = contextName;
        TypeName = typeName;
    }

    public string ContextName { get; }

    public string TypeName { get; }

    public static bool TryCreate(Diagnostic diagnostic, out JsonSerializableEntry entry)
    {
        entry = default;
        if (diagnostic.Id != RuleIdentifiers.JsonContextLacksType
            || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.ContextType, out var contextName)
            || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Type, out var typeName)
            || string.IsNullOrEmpty(contextName)
            || string.IsNullOrEmpty(typeName))
        {
            return false;
        }

        entry = new JsonSerializableEntry(contextName!, typeName!);
        return true;
    }

    public INamedTypeSymbol? ResolveContext(Compilation compilation) => Bind(compilation, ContextName) as INamedTypeSymbol;

    public ITypeSymbol? ResolveType(Compilation compilation) => Bind(compilation, TypeName);

    /// <summary>Binds a fully qualified type name (<c>global::App.Order</c>, <c>int?</c>, generics, arrays) in the compilation.</summary>
    private static ITypeSymbol? Bind(Compilation compilation, string name)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault();
        if (tree is null)
        {
            return null;
        }

        var type = compilation.GetSemanticModel(tree).GetSpeculativeTypeInfo(
            0, SyntaxFactory.ParseTypeName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return type is null || type.TypeKind == TypeKind.Error ? null : type;
    }
}

/// <summary>Fix All for SLS1014: gathers every diagnostic in scope and adds each missing type once per context.</summary>
internal sealed class AddJsonSerializableFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly AddJsonSerializableFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Add every missing [JsonSerializable] entry",
            async ct =>
            {
                var result = solution;
                foreach (var (projectId, diagnostics) in byProject)
                {
                    var entries = diagnostics
                        .Where(d => d.Id == RuleIdentifiers.JsonContextLacksType)
                        .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                        .ThenBy(d => d.Location.SourceSpan.Start)
                        .Select(d => JsonSerializableEntry.TryCreate(d, out var entry) ? entry : (JsonSerializableEntry?)null)
                        .Where(e => e.HasValue)
                        .Select(e => e!.Value)
                        .ToList();
                    if (entries.Count > 0)
                    {
                        result = await JsonSerializableWriter.AddAsync(result, projectId, entries, ct).ConfigureAwait(false);
                    }
                }

                return result;
            },
            AddJsonSerializableCodeFixProvider.EquivalenceKey);
    }
}
