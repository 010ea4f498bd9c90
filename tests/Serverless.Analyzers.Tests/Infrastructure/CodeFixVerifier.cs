using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Serverless.Analyzers.Tests.Infrastructure;

/// <summary>A code fix test on a console app that references Serverless.Annotations and DI abstractions.</summary>
public sealed class ServerlessCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public ServerlessCodeFixTest()
    {
        ReferenceAssemblies = TestReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithOutputKind(OutputKind.ConsoleApplication)
                .WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    /// <summary>
    /// Sets the sources before and after the fix (same count; markup in <paramref name="before"/>), plus the files the
    /// build would generate: the entry point and the JSON context members of <paramref name="contexts"/>.
    /// </summary>
    public ServerlessCodeFixTest<TAnalyzer, TCodeFix> WithSources(string[] before, string[] after, params (string Name, string? Namespace)[] contexts)
    {
        for (var i = 0; i < before.Length; i++)
        {
            TestState.Sources.Add(("/0/Test" + i + ".cs", before[i]));
            FixedState.Sources.Add(("/0/Test" + i + ".cs", after[i]));
        }

        foreach (var state in new[] { TestState, FixedState })
        {
            state.Sources.Add((TestSources.GeneratedEntryPointPath, TestSources.GeneratedEntryPoint));
            foreach (var (name, ns) in contexts)
            {
                state.Sources.Add((TestSources.GeneratedJsonContextPath(name), TestSources.GeneratedJsonContext(name, ns)));
            }
        }

        return this;
    }

    /// <summary>One document before and after the fix (markup in <paramref name="before"/>), plus the generated files as above.</summary>
    public ServerlessCodeFixTest<TAnalyzer, TCodeFix> WithSources(string before, string after, params (string Name, string? Namespace)[] contexts) =>
        WithSources(new[] { before }, new[] { after }, contexts);

    /// <summary>Tests the action with this equivalence key, and its Fix All, instead of the first action offered.</summary>
    public ServerlessCodeFixTest<TAnalyzer, TCodeFix> WithCodeAction(string equivalenceKey)
    {
        CodeActionEquivalenceKey = equivalenceKey;
        return this;
    }

    /// <summary>
    /// The fix passes expected to reach the fixed state: one diagnostic at a time (<paramref name="incremental"/>), Fix All
    /// in the solution (<paramref name="fixAll"/>), in each document and in each project; null leaves the testing
    /// library's default (for the document and project scopes, <paramref name="fixAll"/> when that is given).
    /// </summary>
    public ServerlessCodeFixTest<TAnalyzer, TCodeFix> WithIterations(int? incremental = null, int? fixAll = null, int? fixAllInDocument = null, int? fixAllInProject = null)
    {
        NumberOfIncrementalIterations = incremental;
        NumberOfFixAllIterations = fixAll;
        NumberOfFixAllInDocumentIterations = fixAllInDocument;
        NumberOfFixAllInProjectIterations = fixAllInProject;
        return this;
    }
}
