using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Serverless.CodeFixes;

/// <summary>
/// Fix All of a <see cref="SyntaxEditCodeFixProvider"/>: the diagnostics of the scope that the chosen action
/// (equivalence key) fixes, grouped by document, each document edited once with all of them.
/// </summary>
internal sealed class DocumentFixAllProvider : WholeScopeFixAllProvider
{
    private readonly Func<string, IReadOnlyList<Diagnostic>, string> _title;
    private readonly Func<Diagnostic, string, bool> _fixes;
    private readonly Func<Document, IReadOnlyList<Diagnostic>, string, CancellationToken, Task<Document>> _apply;

    public DocumentFixAllProvider(
        Func<string, IReadOnlyList<Diagnostic>, string> title,
        Func<Diagnostic, string, bool> fixes,
        Func<Document, IReadOnlyList<Diagnostic>, string, CancellationToken, Task<Document>> apply)
    {
        _title = title;
        _fixes = fixes;
        _apply = apply;
    }

    protected override CodeAction? CreateFix(FixAllContext fixAllContext, IReadOnlyList<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)> byProject)
    {
        var key = fixAllContext.CodeActionEquivalenceKey;
        if (key is null)
        {
            return null;
        }

        var selected = All(byProject)
            .Where(d => fixAllContext.DiagnosticIds.Contains(d.Id) && d.Location.IsInSource && _fixes(d, key))
            .ToList();
        if (selected.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            _title(key, selected),
            async ct =>
            {
                var result = solution;
                foreach (var group in selected.GroupBy(d => d.Location.SourceTree))
                {
                    if (group.Key is null || solution.GetDocument(group.Key) is not { } document)
                    {
                        continue;
                    }

                    var fixedDocument = await _apply(document, group.ToList(), key, ct).ConfigureAwait(false);
                    result = result.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(ct).ConfigureAwait(false))!);
                }

                return result;
            },
            key);
    }
}
