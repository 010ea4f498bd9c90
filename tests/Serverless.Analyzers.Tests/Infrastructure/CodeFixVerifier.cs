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
}
