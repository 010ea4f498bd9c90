using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Serverless.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test on a console app that references Serverless.Annotations and DI abstractions.</summary>
public sealed class ServerlessAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public ServerlessAnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            options = options.WithOutputKind(OutputKind).WithNullableContextOptions(NullableContextOptions.Enable).WithAllowUnsafe(true);
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    /// <summary>The project's output kind (console application by default, as a Lambda app is).</summary>
    public OutputKind OutputKind { get; set; } = OutputKind.ConsoleApplication;

    /// <summary>Adds the generated entry point, as the generator would for an app without its own Main.</summary>
    public ServerlessAnalyzerTest<TAnalyzer> WithGeneratedEntryPoint()
    {
        TestState.Sources.Add((TestSources.GeneratedEntryPointPath, TestSources.GeneratedEntryPoint));
        return this;
    }
}

/// <summary>Shorthands in the style of the testing library's verifiers.</summary>
public static class Verifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, GetSeverity(id));

    /// <summary>Verifies a console app made of <paramref name="sources"/> plus the generated entry point.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new ServerlessAnalyzerTest<TAnalyzer>().WithGeneratedEntryPoint();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticSeverity GetSeverity(string id) =>
        new TAnalyzer().SupportedDiagnostics.FirstOrDefault(d => d.Id == id)?.DefaultSeverity ?? DiagnosticSeverity.Warning;
}
