using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

public class AnalyzerGuardTests
{
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.InternalError);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(
                AnalyzerGuard.GuardSymbol(nameof(ThrowingAnalyzer), c =>
                {
                    if (c.Symbol.Name == "Boom")
                    {
                        throw new InvalidOperationException("bad\nthing");
                    }
                }),
                SymbolKind.Method);
        }
    }

    [Fact]
    public async Task ExceptionBecomesInternalErrorNamingAnalyzerAndSymbol()
    {
        var test = new ServerlessAnalyzerTest<ThrowingAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add("""
            namespace App;
            public class Handlers
            {
                public void {|#0:Boom|}(int x) { }
                public void Fine() { }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InternalError).WithLocation(0)
            .WithArguments("ThrowingAnalyzer on method 'App.Handlers.Boom(int)'", "InvalidOperationException: bad thing"));
        await test.RunAsync();
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingStartAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.InternalError);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(AnalyzerGuard.GuardCompilationStart(nameof(ThrowingStartAnalyzer), start =>
            {
                start.RegisterSyntaxNodeAction(
                    AnalyzerGuard.GuardSyntaxNode(nameof(ThrowingStartAnalyzer), c => throw new FormatException("bad syntax")),
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.ReturnStatement);
                throw new ArgumentException("no");
            }));
        }
    }

    [Fact]
    public async Task CompilationStartAndSyntaxNodeFailuresAreReported()
    {
        var test = new ServerlessAnalyzerTest<ThrowingStartAnalyzer>().WithGeneratedEntryPoint();
        test.TestState.Sources.Add("""
            public class Handlers
            {
                public int Get()
                {
                    {|#0:return 1;|}
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InternalError)
            .WithArguments("ThrowingStartAnalyzer on compilation 'TestProject'", "ArgumentException: no"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InternalError).WithLocation(0)
            .WithArguments("ThrowingStartAnalyzer on method 'Handlers.Get()'", "FormatException: bad syntax"));
        await test.RunAsync();
    }
}
