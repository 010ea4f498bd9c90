using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Serverless.CodeFixes.Injection;

/// <summary>
/// Applies SLS2001 singleton requests project by project: one registration per service type in the startup's
/// <c>ConfigureServices</c> (an existing <c>AddSingleton/AddScoped/AddTransient</c> of the type is reused), one
/// constructor parameter and field per service type and handler class (on the primary constructor, the one
/// constructor, or a new one), and each creation replaced with the injected member. Creations of one type that would
/// need different registrations (two connection strings) keep their warning: the first wins, the others are left.
/// </summary>
internal static class SingletonInjector
{
    private static readonly SyntaxAnnotation UsingMarker = new("Serverless.UsingToRemove");

    /// <summary>Whether <paramref name="request"/> can be applied at all (for offering the action).</summary>
    public static bool CanApply(InjectionRequest request, SemanticModel model, Workspace workspace, CancellationToken cancellationToken) =>
        StartupClass.Find(model.Compilation, cancellationToken) is { } startup
        && SingletonService.Create(request, model, workspace, cancellationToken) is { } service
        && !ConflictsWithRegistration(startup, service, model.Compilation, workspace, cancellationToken)
        && ClassHost.Find(request.DeclaringType, cancellationToken) is not null;

    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var result = solution;
        foreach (var projectGroup in diagnostics
                     .Where(d => d.Location.IsInSource && d.Location.SourceTree is not null)
                     .Select(d => (Diagnostic: d, Document: solution.GetDocument(d.Location.SourceTree)))
                     .Where(x => x.Document is not null)
                     .GroupBy(x => x.Document!.Project.Id))
        {
            result = await ApplyToProjectAsync(result, solution.GetProject(projectGroup.Key)!, projectGroup.ToList(), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task<Solution> ApplyToProjectAsync(Solution result, Project project, List<(Diagnostic Diagnostic, Document? Document)> items, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || StartupClass.Find(compilation, cancellationToken) is not { } startup)
        {
            return result;
        }

        var workspace = project.Solution.Workspace;
        var editors = new Dictionary<DocumentId, DocumentEditor>();
        async Task<DocumentEditor?> EditorFor(SyntaxTree tree)
        {
            if (project.GetDocument(tree) is not { } document)
            {
                return null;
            }

            if (!editors.TryGetValue(document.Id, out var editor))
            {
                editors[document.Id] = editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            }

            return editor;
        }

        // Requests in a stable order: document path, then position.
        var requests = new List<(InjectionRequest Request, SingletonService Service, DocumentEditor Editor)>();
        foreach (var (diagnostic, document) in items.OrderBy(i => i.Document!.FilePath ?? i.Document!.Name, StringComparer.Ordinal)
                     .ThenBy(i => i.Diagnostic.Location.SourceSpan.Start))
        {
            var editor = await EditorFor(diagnostic.Location.SourceTree!).ConfigureAwait(false);
            if (editor is null)
            {
                continue;
            }

            var root = editor.OriginalRoot;
            var model = editor.SemanticModel;
            if (InjectionRequest.TryCreate(diagnostic, root, model, cancellationToken, out var request)
                && !requests.Any(r => r.Request.Creation == request.Creation)
                && SingletonService.Create(request, model, workspace, cancellationToken) is { } service)
            {
                requests.Add((request, service, editor));
            }
        }

        // One registration per service type; creations that would need another one stay as they are.
        var startupEditor = await EditorFor(startup.Declaration.SyntaxTree).ConfigureAwait(false);
        if (startupEditor is null)
        {
            return result;
        }

        var registrations = new Dictionary<string, string>(StringComparer.Ordinal);
        var newRegistrations = new List<SingletonService>();
        var accepted = new List<(InjectionRequest Request, SingletonService Service, DocumentEditor Editor)>();
        foreach (var item in requests)
        {
            var key = item.Service.ServiceKey;
            if (registrations.TryGetValue(key, out var factory))
            {
                if (factory.Length > 0 && factory != item.Service.FactoryText)
                {
                    continue;
                }
            }
            else if (ExistingRegistration(startup, item.Service.ServiceType, compilation, workspace, cancellationToken) is { } existing)
            {
                // The app registers it already: inject that one, unless it is built differently.
                registrations[key] = existing;
                if (existing.Length > 0 && existing != item.Service.FactoryText)
                {
                    continue;
                }
            }
            else
            {
                registrations[key] = item.Service.FactoryText;
                newRegistrations.Add(item.Service);
            }

            accepted.Add(item);
        }

        // Per handler class and service type, one member: an existing injected one, or a new parameter and field.
        var members = new Dictionary<(INamedTypeSymbol, string), string>();
        var hosts = new Dictionary<INamedTypeSymbol, (ClassHost Host, List<(string Field, string Parameter, ITypeSymbol Type)> Added)>(SymbolEqualityComparer.Default);
        var usings = new List<(DocumentEditor Editor, SyntaxNode Node)>();
        foreach (var (request, service, editor) in accepted)
        {
            var type = request.DeclaringType;
            if (!members.TryGetValue((type, service.ServiceKey), out var member))
            {
                if (!hosts.TryGetValue(type, out var host))
                {
                    if (ClassHost.Find(type, cancellationToken) is not { } found)
                    {
                        continue;
                    }

                    hosts[type] = host = (found, new List<(string, string, ITypeSymbol)>());
                }

                member = host.Host.ExistingMember(service.ServiceType) ?? AddMember(host.Host, host.Added, service.ServiceType);
                members[(type, service.ServiceKey)] = member;
            }

            ReplaceCreation(editor, request, service, member, usings);
        }

        // Inner usings first: an outer one's splice moves the inner one, which must be done by then.
        foreach (var (editor, node) in usings.OrderByDescending(u => u.Node.SpanStart))
        {
            RemoveUsing(editor, node);
        }

        foreach (var (host, added) in hosts.Values)
        {
            if (added.Count > 0 && await EditorFor(host.Declaration.SyntaxTree).ConfigureAwait(false) is { } editor)
            {
                host.Add(editor, added);
            }
        }

        var needsDependencyInjectionUsing = false;
        if (newRegistrations.Count > 0)
        {
            AddRegistrations(startupEditor, startup, newRegistrations);
            needsDependencyInjectionUsing = !CanCallAddSingleton(startup, startupEditor.SemanticModel, cancellationToken);
        }

        foreach (var editor in editors.Values)
        {
            var changed = editor.GetChangedDocument();
            if (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) == editor.OriginalRoot)
            {
                continue;
            }

            if (needsDependencyInjectionUsing && editor == startupEditor
                && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
            {
                changed = changed.WithSyntaxRoot(WithUsing(unit, DependencyInjectionNamespace));
            }

            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            // New lines where the formatter adds them follow the file's (CRLF stays CRLF).
            var text = await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newLine = text.Lines.Count > 1 && text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak)) is { Length: > 0 } lineBreak
                ? lineBreak
                : "\n";
            var options = (await changed.GetOptionsAsync(cancellationToken).ConfigureAwait(false)).WithChangedOption(FormattingOptions.NewLine, newLine);
            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
            result = result.WithDocumentSyntaxRoot(changed.Id, (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        }

        return result;
    }

    private static string AddMember(ClassHost host, List<(string Field, string Parameter, ITypeSymbol Type)> added, ITypeSymbol type)
    {
        var baseName = MemberNames.CamelCase(MemberNames.BaseName(type.Name));
        for (var i = 1; ; i++)
        {
            var parameter = i == 1 ? baseName : baseName + i.ToString(CultureInfo.InvariantCulture);
            var field = "_" + parameter;
            if (!host.IsTaken(field) && !host.IsTaken(parameter) && !added.Any(a => a.Field == field || a.Parameter == parameter))
            {
                added.Add((field, parameter, type));
                return field;
            }
        }
    }

    /// <summary>The creation (or the await of ConnectAsync) becomes the member; a using around a shared instance is marked for removal.</summary>
    private static void ReplaceCreation(DocumentEditor editor, InjectionRequest request, SingletonService service, string member, List<(DocumentEditor, SyntaxNode)> usings)
    {
        var value = request.Value;
        editor.ReplaceNode(value, (current, _) => service.Usage(member, value).WithTriviaFrom(current));
        if (service.CreatesConnections)
        {
            return;   // the connection is still the invocation's own: its using stays
        }

        SyntaxNode? wrapper = value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Parent switch
            {
                LocalDeclarationStatementSyntax local when local.UsingKeyword != default => local,
                UsingStatementSyntax statement => statement,
                _ => null,
            },
            UsingStatementSyntax statement when statement.Expression == value => statement,
            _ => null,
        };
        if (wrapper is not null)
        {
            usings.Add((editor, wrapper));
        }
    }

    /// <summary>
    /// <c>using var x = _db;</c> → <c>var x = _db;</c>; <c>using (var x = _db) { body }</c> → <c>var x = _db;</c> and
    /// the body's statements in its place (<c>using (_db) { body }</c> → the statements).
    /// </summary>
    private static void RemoveUsing(DocumentEditor editor, SyntaxNode wrapper)
    {
        if (wrapper is LocalDeclarationStatementSyntax)
        {
            editor.ReplaceNode(wrapper, (current, _) =>
            {
                var local = (LocalDeclarationStatementSyntax)current;
                return local.WithAwaitKeyword(default).WithUsingKeyword(default).WithLeadingTrivia(local.GetLeadingTrivia());
            });
            return;
        }

        editor.ReplaceNode(wrapper, (current, _) => current.WithAdditionalAnnotations(UsingMarker));
        var parent = wrapper.Parent!;
        editor.ReplaceNode(parent, (current, _) =>
        {
            var statement = current.GetAnnotatedNodes(UsingMarker).OfType<UsingStatementSyntax>().FirstOrDefault(s => s.Parent == current);
            if (statement is null)
            {
                return current;
            }

            var statements = new List<StatementSyntax>();
            if (statement.Declaration is { } declaration)
            {
                statements.Add(SyntaxFactory.LocalDeclarationStatement(declaration.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
            }

            statements.AddRange(statement.Statement is BlockSyntax block
                ? block.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation))
                : new[] { statement.Statement.WithAdditionalAnnotations(Formatter.Annotation) });
            if (statements.Count > 0)
            {
                statements[0] = statements[0].WithLeadingTrivia(statement.GetLeadingTrivia());
            }

            if (current is BlockSyntax parentBlock)
            {
                var index = parentBlock.Statements.IndexOf(statement);
                return parentBlock.WithStatements(parentBlock.Statements.RemoveAt(index).InsertRange(index, statements));
            }

            return current.ReplaceNode(statement, SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation));
        });
    }

    /// <summary>
    /// How ConfigureServices already registers <paramref name="type"/> (AddSingleton/AddScoped/AddTransient): not at all
    /// (null), by a factory lambda (its body, names fully qualified, to compare with the fix's), or otherwise ("").
    /// </summary>
    private static string? ExistingRegistration(StartupClass startup, ITypeSymbol type, Compilation compilation, Workspace workspace, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(startup.Declaration.SyntaxTree);
        foreach (var invocation in startup.Declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "AddSingleton" or "AddScoped" or "AddTransient" or "TryAddSingleton" } method
                && method.TypeArguments.Length > 0
                && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], type))
            {
                return invocation.ArgumentList.Arguments.Count == 1
                       && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: { } body }
                    ? SingletonService.Canonical(Simplifier.Expand(body, model, workspace, cancellationToken: cancellationToken))
                    : "";
            }
        }

        return null;
    }

    /// <summary>Whether the startup registers the type already in a way that differs from what the fix would register (another connection string).</summary>
    private static bool ConflictsWithRegistration(StartupClass startup, SingletonService service, Compilation compilation, Workspace workspace, CancellationToken cancellationToken) =>
        ExistingRegistration(startup, service.ServiceType, compilation, workspace, cancellationToken) is { Length: > 0 } existing && existing != service.FactoryText;

    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    /// <summary>Whether the <c>AddSingleton</c> extension binds in ConfigureServices (its namespace is imported).</summary>
    private static bool CanCallAddSingleton(StartupClass startup, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.SyntaxTree != startup.Declaration.SyntaxTree)
        {
            return true;
        }

        var services = startup.ConfigureServices.Parameters[0].Type;
        var position = startup.Declaration.Body?.SpanStart ?? startup.Declaration.ExpressionBody?.SpanStart ?? startup.Declaration.SpanStart;
        return model.LookupSymbols(position, services, "AddSingleton", includeReducedExtensionMethods: true).Any();
    }

    /// <summary>
    /// <paramref name="unit"/> with <c>using <paramref name="ns"/>;</c> among its usings (System first, then ordinal),
    /// with the file's line ending: an extension method's namespace, which the import adder does not add.
    /// </summary>
    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax unit, string ns)
    {
        if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword == default && u.Name?.ToString() == ns))
        {
            return unit;
        }

        var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns).WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(endOfLine);
        static int Rank(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1;
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && usings[index].Alias is null && usings[index].StaticKeyword == default && usings[index].Name is { } name
               && (Rank(name.ToString()), name.ToString()).CompareTo((Rank(ns), ns)) < 0)
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // Before the first member, keeping the file's leading trivia (comments, #nullable) above it.
            var leading = unit.GetLeadingTrivia();
            return unit.WithoutLeadingTrivia().WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(leading)
                .WithTrailingTrivia(endOfLine, endOfLine)));
        }

        if (index == 0)
        {
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithoutLeadingTrivia());
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    /// <summary>Appends <c>services.AddSingleton(_ =&gt; ...);</c> per service to ConfigureServices (an expression body becomes a block).</summary>
    private static void AddRegistrations(DocumentEditor editor, StartupClass startup, List<SingletonService> services)
    {
        var parameter = startup.ServicesParameter;
        var statements = services.Select(service =>
        {
            var lambda = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier("_")), service.Factory);
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(parameter), SyntaxFactory.IdentifierName("AddSingleton")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
            return (StatementSyntax)SyntaxFactory.ExpressionStatement(call).WithAdditionalAnnotations(Formatter.Annotation);
        }).ToList();

        editor.ReplaceNode(startup.Declaration, (current, _) =>
        {
            var method = (MethodDeclarationSyntax)current;
            if (method.Body is { } body)
            {
                return method.WithBody(body.AddStatements(statements.ToArray()));
            }

            var existing = SyntaxFactory.ExpressionStatement(method.ExpressionBody!.Expression.WithoutTrivia());
            return method
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(method.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
                .WithBody(SyntaxFactory.Block(new[] { (StatementSyntax)existing }.Concat(statements)).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia))
                .WithAdditionalAnnotations(Formatter.Annotation);
        });
    }
}
