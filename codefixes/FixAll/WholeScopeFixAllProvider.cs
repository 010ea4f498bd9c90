using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Serverless.CodeFixes;

/// <summary>
/// The suite's Fix All: every diagnostic of the scope (document, project or solution) goes to one code action that edits
/// the solution at once, since each fix needs them together (to add a type once per context, to name hoisted fields
/// uniquely, to edit a document or a literal once). Roslyn's batch fixer would merge independent per-diagnostic edits
/// instead. Subclasses only say what the action does with the diagnostics.
/// </summary>
internal abstract class WholeScopeFixAllProvider : FixAllProvider
{
    private static readonly ImmutableArray<FixAllScope> Scopes = ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    public sealed override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public sealed override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var byProject = await DiagnosticsByProjectAsync(fixAllContext).ConfigureAwait(false);
        return byProject is null ? null : CreateFix(fixAllContext, byProject);
    }

    /// <summary>
    /// The code action for the scope's diagnostics, grouped by project in the solution's order (every diagnostic of the
    /// scope: filtering by rule and equivalence key is the subclass's business); null when there is nothing to do.
    /// </summary>
    protected abstract CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject);

    /// <summary>The diagnostics of every project, one list.</summary>
    protected static List<Diagnostic> All(IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject) =>
        byProject.SelectMany(p => p.Diagnostics).ToList();

    /// <summary>The scope's diagnostics per project; null for a scope the suite does not offer (a custom or a missing document).</summary>
    private static async Task<IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)>?> DiagnosticsByProjectAsync(FixAllContext fixAllContext)
    {
        var byProject = new List<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                byProject.Add((document.Project.Id, await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)));
                break;
            case FixAllScope.Project:
                byProject.Add((fixAllContext.Project.Id, await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false)));
                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                {
                    byProject.Add((project.Id, await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false)));
                }

                break;
            default:
                return null;
        }

        return byProject;
    }
}
