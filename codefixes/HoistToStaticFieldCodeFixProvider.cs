using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// SLS2001-SLS2003: moves a client or connection created in invocation code into a static field of the same type, so
/// it is created once per execution environment. HttpClient and AWS SDK clients become a <c>static readonly</c>
/// field; database clients become a <c>static readonly Lazy&lt;T&gt;</c> (created at first use, a failure retried on
/// the next invocation), and a string literal connection string is read from an environment variable first
/// (<c>Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "literal"</c>). The analyzer decides whether a
/// creation can move (diagnostic property <see cref="HandlerCodePropertyNames.Hoist"/>); without it no fix is offered.
/// Identical creations in one type share one field. Fix All (document, project, solution).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HoistToStaticFieldCodeFixProvider)), Shared]
public sealed class HoistToStaticFieldCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKeySuffix = ".HoistToStaticField";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.PerRequestDatabaseConnection,
        RuleIdentifiers.PerRequestHttpClient,
        RuleIdentifiers.PerRequestAwsClient);

    public override FixAllProvider GetFixAllProvider() => HoistToStaticFieldFixAllProvider.Instance;

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
            if (!HoistRequest.TryCreate(diagnostic, root, model, context.CancellationToken, out var request))
            {
                continue;
            }

            var title = request.Lazy
                ? "Create '" + request.TypeName + "' once, in a static Lazy<T> field" + (request.EnvironmentVariable is null ? "" : " reading " + request.EnvironmentVariable)
                : "Create '" + request.TypeName + "' once, in a static readonly field";
            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => StaticFieldHoister.ApplyAsync(solution, new[] { diagnostic }, ct), diagnostic.Id + EquivalenceKeySuffix),
                diagnostic);
        }
    }
}

/// <summary>One SLS2001-2003 diagnostic that the fix can act on, bound to its syntax.</summary>
internal sealed class HoistRequest
{
    private HoistRequest(ExpressionSyntax creation, TypeDeclarationSyntax declaration, INamedTypeSymbol declaringType, ITypeSymbol type,
        bool lazy, string? environmentVariable, TextSpan? literal)
    {
        Creation = creation;
        Declaration = declaration;
        DeclaringType = declaringType;
        Type = type;
        Lazy = lazy;
        EnvironmentVariable = environmentVariable;
        Literal = literal;
    }

    public ExpressionSyntax Creation { get; }

    public TypeDeclarationSyntax Declaration { get; }

    public INamedTypeSymbol DeclaringType { get; }

    /// <summary>The type of the created value (the field's type, or the <c>T</c> of its <c>Lazy&lt;T&gt;</c>).</summary>
    public ITypeSymbol Type { get; }

    public bool Lazy { get; }

    public string? EnvironmentVariable { get; }

    /// <summary>The connection string literal, in the document.</summary>
    public TextSpan? Literal { get; }

    /// <summary>The name the title shows: the created type, or the <c>T</c> of a <c>Task&lt;T&gt;</c> (ConnectAsync).</summary>
    public string TypeName => ValueType.Name;

    public ITypeSymbol ValueType => Type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
        ? task.TypeArguments[0]
        : Type;

    public static bool TryCreate(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken, out HoistRequest request)
    {
        request = null!;
        if (!diagnostic.Properties.TryGetValue(HandlerCodePropertyNames.Hoist, out var hoist)
            || hoist is not (HandlerCodePropertyNames.HoistStatic or HandlerCodePropertyNames.HoistLazy))
        {
            return false;
        }

        var creation = ReportedCreation.Find(diagnostic, root);
        var declaration = creation?.Ancestors().OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(d => d is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);
        if (creation is null || declaration is null
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol declaringType
            || model.GetTypeInfo(creation, cancellationToken).Type is not { TypeKind: not TypeKind.Error } type)
        {
            return false;
        }

        ConnectionStringLiteral.TryRead(diagnostic, creation.Span, out var variable, out var literal);

        request = new HoistRequest(creation, declaration, declaringType, type, hoist == HandlerCodePropertyNames.HoistLazy, variable, literal);
        return true;
    }
}

/// <summary>Applies hoisting requests, project by project and document by document, keeping field names unique per type.</summary>
internal static class StaticFieldHoister
{
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var byDocument = diagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!)
            .Select(g => (Document: solution.GetDocument(g.Key), Diagnostics: g.OrderBy(d => d.Location.SourceSpan.Start).ToList()))
            .Where(x => x.Document is not null)
            .OrderBy(x => x.Document!.Project.Id.Id)
            .ThenBy(x => x.Document!.FilePath ?? x.Document!.Name, StringComparer.Ordinal)
            .ToList();

        // Per type: the fields added so far (key: type + initializer) and every name taken.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = solution;
        foreach (var (document, documentDiagnostics) in byDocument)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = await document!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var requests = new List<HoistRequest>();
            foreach (var diagnostic in documentDiagnostics)
            {
                if (HoistRequest.TryCreate(diagnostic, root, model, cancellationToken, out var request)
                    && !requests.Any(r => r.Creation.Span.Contains(request.Creation.Span) || request.Creation.Span.Contains(r.Creation.Span)))
                {
                    requests.Add(request);
                }
            }

            if (requests.Count > 0)
            {
                var newRoot = Rewrite(root, model, requests, fields, taken, cancellationToken);
                result = result.WithDocumentSyntaxRoot(document.Id, newRoot);
            }
        }

        return result;
    }

    private static SyntaxNode Rewrite(SyntaxNode root, SemanticModel model, List<HoistRequest> requests,
        Dictionary<string, string> fields, HashSet<string> taken, CancellationToken cancellationToken)
    {
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var added = new Dictionary<TypeDeclarationSyntax, List<MemberDeclarationSyntax>>();
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var position = request.Creation.SpanStart;
            var typeText = request.Type.ToMinimalDisplayString(model, position);
            var initializer = InitializerText(request, model, position);
            string fieldTypeText;
            if (request.Lazy)
            {
                var lazy = model.Compilation.GetTypeByMetadataName("System.Lazy`1");
                var mode = model.Compilation.GetTypeByMetadataName("System.Threading.LazyThreadSafetyMode");
                if (lazy is null || mode is null)
                {
                    continue;
                }

                fieldTypeText = lazy.Construct(request.Type).ToMinimalDisplayString(model, position);
                initializer = "new " + fieldTypeText + "(() => " + initializer + ", " + mode.ToMinimalDisplayString(model, position) + ".PublicationOnly)";
            }
            else
            {
                fieldTypeText = typeText;
            }

            var typeKey = request.DeclaringType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var fieldKey = typeKey + "|" + fieldTypeText + "|" + initializer;
            if (!fields.TryGetValue(fieldKey, out var name) || IsTakenAt(model, position, name))
            {
                name = ExistingField(request.DeclaringType, fieldTypeText, initializer, model, position, cancellationToken);
                if (name is null)
                {
                    name = UniqueName(request, model, position, typeKey, taken);
                    var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                        "private static readonly " + fieldTypeText + " " + name + " = " + initializer + ";")!;
                    if (!added.TryGetValue(request.Declaration, out var list))
                    {
                        added[request.Declaration] = list = new List<MemberDeclarationSyntax>();
                    }

                    list.Add(field);
                }

                fields[fieldKey] = name;
                taken.Add(typeKey + "|" + name);
            }

            var replacement = SyntaxFactory.ParseExpression(request.Lazy ? name + ".Value" : name).WithTriviaFrom(request.Creation);
            replacements[request.Creation] = replacement;
        }

        var tracked = root.TrackNodes(replacements.Keys.Concat(added.Keys));
        foreach (var pair in replacements)
        {
            var current = tracked.GetCurrentNode(pair.Key);
            if (current is not null)
            {
                tracked = tracked.ReplaceNode(current, pair.Value);
            }
        }

        foreach (var pair in added)
        {
            if (tracked.GetCurrentNode(pair.Key) is { } declaration)
            {
                tracked = tracked.ReplaceNode(declaration, InsertFields(declaration, pair.Value, endOfLine));
            }
        }

        return tracked;
    }

    /// <summary>The created expression as the field initializer, with the connection string literal read from the environment first.</summary>
    private static string InitializerText(HoistRequest request, SemanticModel model, int position)
    {
        var creation = request.Creation;
        var text = creation.ToString();
        if (request.Literal is { } literal && request.EnvironmentVariable is { } variable
            && model.Compilation.GetTypeByMetadataName("System.Environment") is { } environment)
        {
            var start = literal.Start - creation.SpanStart;
            var literalText = text.Substring(start, literal.Length);
            var read = environment.ToMinimalDisplayString(model, position) + ".GetEnvironmentVariable(\"" + variable + "\") ?? " + literalText;
            text = text.Substring(0, start) + read + text.Substring(start + literal.Length);
        }

        return text;
    }

    /// <summary>A static readonly field of the type (any part) that already holds exactly this initializer.</summary>
    private static string? ExistingField(INamedTypeSymbol type, string fieldTypeText, string initializer, SemanticModel model, int position, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: true, IsReadOnly: true } field
                || field.Type.ToMinimalDisplayString(model, position) != fieldTypeText)
            {
                continue;
            }

            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                    && value.ToString() == initializer
                    && !IsTakenAt(model, position, field.Name, field))
                {
                    return field.Name;
                }
            }
        }

        return null;
    }

    private static string UniqueName(HoistRequest request, SemanticModel model, int position, string typeKey, HashSet<string> taken)
    {
        var baseName = "_" + MemberNames.CamelCase(MemberNames.BaseName(request.ValueType.Name));
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? baseName : baseName + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(typeKey + "|" + candidate)
                && !IsTakenAt(model, position, candidate)
                && !HasMember(request.DeclaringType, candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> already means something at <paramref name="position"/> (a local, parameter, member or type).</summary>
    private static bool IsTakenAt(SemanticModel model, int position, string name, ISymbol? except = null) =>
        model.LookupSymbols(position, name: name).Any(s => except is null || !SymbolEqualityComparer.Default.Equals(s, except));

    private static bool HasMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Inserts the fields after the declaration's last field, or first when it has none (then a blank line separates
    /// them from the next member). Indentation follows the declaration's first member.
    /// </summary>
    internal static TypeDeclarationSyntax InsertFields(TypeDeclarationSyntax declaration, List<MemberDeclarationSyntax> fields, SyntaxTrivia endOfLine)
    {
        var members = declaration.Members;
        var indentation = members.Count > 0
            ? members[0].GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia))
            : default;
        if (indentation == default)
        {
            indentation = SyntaxFactory.Whitespace("    ");
        }

        var formatted = fields
            .Select(f => f.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine))
            .ToList();

        var lastField = -1;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is FieldDeclarationSyntax)
            {
                lastField = i;
            }
        }

        if (lastField >= 0)
        {
            return declaration.WithMembers(members.InsertRange(lastField + 1, formatted));
        }

        if (members.Count > 0 && !members[0].GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia))
        {
            members = members.Replace(members[0], members[0].WithLeadingTrivia(members[0].GetLeadingTrivia().Insert(0, endOfLine)));
        }

        return declaration.WithMembers(members.InsertRange(0, formatted));
    }
}

/// <summary>Fix All for SLS2001-2003: every diagnostic in scope, one pass per project, field names unique per type.</summary>
internal sealed class HoistToStaticFieldFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly HoistToStaticFieldFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var diagnostics = All(byProject);

        var solution = fixAllContext.Solution;
        // One rule at a time, as the IDE offers it: the equivalence key names the rule.
        var key = fixAllContext.CodeActionEquivalenceKey;
        var fixable = diagnostics
            .Where(d => fixAllContext.DiagnosticIds.Contains(d.Id)
                        && (key is null || key == d.Id + HoistToStaticFieldCodeFixProvider.EquivalenceKeySuffix)
                        && d.Properties.ContainsKey(HandlerCodePropertyNames.Hoist))
            .ToList();
        return CodeAction.Create(
            "Create every " + (fixable.FirstOrDefault()?.Id ?? "client") + " creation once, in static fields",
            ct => StaticFieldHoister.ApplyAsync(solution, fixable, ct),
            fixAllContext.CodeActionEquivalenceKey);
    }
}
