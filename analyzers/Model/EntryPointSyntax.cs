using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Analyzers.Model;

/// <summary>
/// The one check for "the project has its own entry point", shared by the generator (a cheap syntax predicate)
/// and SLS1010: top-level statements, or a static method named <c>Main</c> outside <c>Serverless.Generated</c>.
/// </summary>
public static class EntryPointSyntax
{
    public static bool IsUserEntryPoint(SyntaxNode node)
    {
        if (node is GlobalStatementSyntax)
        {
            return true;
        }

        if (node is not MethodDeclarationSyntax { Identifier.ValueText: "Main" } method
            || !method.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return false;
        }

        for (var parent = method.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is BaseNamespaceDeclarationSyntax ns && ns.Name.ToString() == KnownNames.GeneratedNamespace)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the syntax walk can contain an entry point below <paramref name="node"/> (compilation units, namespaces, types).</summary>
    public static bool CanContainEntryPoint(SyntaxNode node) =>
        node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    public static bool HasUserEntryPoint(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).DescendantNodes(CanContainEntryPoint).Any(IsUserEntryPoint);
}

/// <summary>Reads <see cref="ProjectFacts"/> from a compilation (for the analyzers; the generator builds the same facts from its pipeline).</summary>
public static class ProjectFactsReader
{
    public static ProjectFacts Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var hasMain = compilation.SyntaxTrees.Any(t => EntryPointSyntax.HasUserEntryPoint(t, cancellationToken));
        return new ProjectFacts(IsExecutable(compilation.Options.OutputKind), DescribeOutputKind(compilation.Options.OutputKind), hasMain);
    }

    public static bool IsExecutable(OutputKind kind) =>
        kind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;

    public static string DescribeOutputKind(OutputKind kind) => kind switch
    {
        OutputKind.ConsoleApplication => "console application",
        OutputKind.WindowsApplication => "Windows application",
        OutputKind.DynamicallyLinkedLibrary => "class library",
        OutputKind.NetModule => "module",
        OutputKind.WindowsRuntimeMetadata => "Windows Runtime metadata file",
        OutputKind.WindowsRuntimeApplication => "Windows Runtime application",
        _ => kind.ToString(),
    };
}
