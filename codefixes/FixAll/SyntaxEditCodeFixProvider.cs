using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Serverless.CodeFixes;

/// <summary>
/// A code fix whose actions edit only the document of their diagnostic. A subclass finds what to offer for each
/// diagnostic and calls <see cref="Register"/>; the action then runs <see cref="ApplyAsync"/> on that one diagnostic.
/// Fix All (document, project, solution) runs the same <see cref="ApplyAsync"/> once per document with every diagnostic
/// of the scope that the chosen action (equivalence key) <see cref="FixesAll">fixes</see>, so edits that meet in one
/// node (several parameters of one method, several values of one route) go in together in one pass.
/// </summary>
public abstract class SyntaxEditCodeFixProvider : CodeFixProvider
{
    private readonly FixAllProvider _fixAll;

    protected SyntaxEditCodeFixProvider() => _fixAll = new DocumentFixAllProvider(FixAllTitle, FixesAll, ApplyAsync);

    public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

    /// <summary>Offers the action <paramref name="equivalenceKey"/>, titled <paramref name="title"/>, for <paramref name="diagnostic"/>.</summary>
    protected void Register(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => ApplyAsync(document, new[] { diagnostic }, equivalenceKey, ct), equivalenceKey),
            diagnostic);
    }

    /// <summary>Whether Fix All of the action <paramref name="equivalenceKey"/> takes <paramref name="diagnostic"/> (one of this fix's rules, in source).</summary>
    protected abstract bool FixesAll(Diagnostic diagnostic, string equivalenceKey);

    /// <summary>The title of Fix All of the action <paramref name="equivalenceKey"/> over <paramref name="diagnostics"/> (never empty).</summary>
    protected abstract string FixAllTitle(string equivalenceKey, IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>
    /// <paramref name="document"/> with the action <paramref name="equivalenceKey"/> applied for each of
    /// <paramref name="diagnostics"/>, in one edit; a diagnostic whose code is no longer there is passed over, and the
    /// document comes back unchanged when none is left.
    /// </summary>
    protected abstract Task<Document> ApplyAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken);
}
