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
        AddSources("/0/", TestState.Sources, FixedState.Sources, before, after, contexts);
        return this;
    }

    /// <summary>
    /// Another console project of the solution, <paramref name="name"/>, with its sources before and after the fix and
    /// its generated files, as <see cref="WithSources(string[], string[], (string Name, string? Namespace)[])"/> sets them
    /// for the first.
    /// </summary>
    public ServerlessCodeFixTest<TAnalyzer, TCodeFix> WithProject(string name, string[] before, string[] after, params (string Name, string? Namespace)[] contexts)
    {
        var folder = "/" + (TestState.AdditionalProjects.Count + 1) + "/";
        var project = new ProjectState(name, LanguageNames.CSharp, folder + "Test", "cs") { OutputKind = OutputKind.ConsoleApplication };
        var fixedProject = new ProjectState(name, LanguageNames.CSharp, folder + "Test", "cs") { OutputKind = OutputKind.ConsoleApplication };
        project.AdditionalReferences.AddRange(TestReferences.All);
        fixedProject.AdditionalReferences.AddRange(TestReferences.All);
        TestState.AdditionalProjects.Add(name, project);
        FixedState.AdditionalProjects.Add(name, fixedProject);
        AddSources(folder, project.Sources, fixedProject.Sources, before, after, contexts);
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

    /// <summary>A project's files in <paramref name="folder"/>: Test0.cs, Test1.cs... and the generated entry point and JSON contexts.</summary>
    private static void AddSources(string folder, SourceFileList beforeFix, SourceFileList afterFix, string[] before, string[] after, (string Name, string? Namespace)[] contexts)
    {
        for (var i = 0; i < before.Length; i++)
        {
            beforeFix.Add((folder + "Test" + i + ".cs", before[i]));
            afterFix.Add((folder + "Test" + i + ".cs", after[i]));
        }

        foreach (var sources in new[] { beforeFix, afterFix })
        {
            sources.Add((folder + "Generated/LambdaEntryPoint.g.cs", TestSources.GeneratedEntryPoint));
            foreach (var (name, ns) in contexts)
            {
                sources.Add((folder + "Generated/" + name + ".g.cs", TestSources.GeneratedJsonContext(name, ns)));
            }
        }
    }
}
