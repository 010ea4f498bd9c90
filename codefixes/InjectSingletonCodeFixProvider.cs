using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Serverless.Analyzers.Diagnostics;
using Serverless.CodeFixes.Injection;

namespace Serverless.CodeFixes;

/// <summary>
/// SLS2001, the dependency-injection variant of <see cref="HoistToStaticFieldCodeFixProvider"/>, offered when the app
/// has a <c>[LambdaStartup]</c> and the creation runs in instance code of the handler class (which the container
/// creates): registers the pool or client once in <c>ConfigureServices</c> (<c>services.AddSingleton(_ =&gt; ...)</c>,
/// the connection string read from an environment variable first), takes it as a constructor parameter stored in a
/// field, and uses the field where the creation was. A bare <c>DbConnection</c> gets its provider's data source
/// registered instead and a connection created from it per invocation (see <see cref="SingletonService"/>). The
/// analyzer says whether the creation can move (<see cref="HandlerCodePropertyNames.Inject"/>). The startup may be in
/// another document: the action edits the solution. Fix All (document, project, solution) merges registrations per
/// service type and parameters per class and type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InjectSingletonCodeFixProvider)), Shared]
public sealed class InjectSingletonCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SLS2001.InjectSingleton";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PerRequestDatabaseConnection);

    public override FixAllProvider GetFixAllProvider() => InjectSingletonFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var workspace = context.Document.Project.Solution.Workspace;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!InjectionRequest.TryCreate(diagnostic, root, model, context.CancellationToken, out var request)
                || !SingletonInjector.CanApply(request, model, workspace, context.CancellationToken)
                || SingletonService.Create(request, model, workspace, context.CancellationToken) is not { } service
                || StartupClass.Find(model.Compilation, context.CancellationToken) is not { } startup)
            {
                continue;
            }

            var title = service.CreatesConnections
                ? "Register a '" + service.ServiceType.Name + "' singleton in '" + startup.Type.Name + "' and create connections from it"
                : "Register '" + service.ServiceType.Name + "' as a singleton in '" + startup.Type.Name + "' and inject it";
            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => SingletonInjector.ApplyAsync(solution, new[] { diagnostic }, ct), EquivalenceKey),
                diagnostic);
        }
    }
}

/// <summary>Fix All for the singleton variant of SLS2001: every diagnostic in scope that can be injected, one pass per project.</summary>
internal sealed class InjectSingletonFixAllProvider : WholeScopeFixAllProvider
{
    public static readonly InjectSingletonFixAllProvider Instance = new();

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not (null or InjectSingletonCodeFixProvider.EquivalenceKey))
        {
            return null;
        }

        var fixable = All(byProject)
            .Where(d => d.Id == RuleIdentifiers.PerRequestDatabaseConnection && d.Properties.ContainsKey(HandlerCodePropertyNames.Inject))
            .ToList();
        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Register every database connection as a singleton and inject it",
            ct => SingletonInjector.ApplyAsync(solution, fixable, ct),
            fixAllContext.CodeActionEquivalenceKey);
    }
}
