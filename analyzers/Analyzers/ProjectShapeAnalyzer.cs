using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1009, SLS1010: Lambda functions need an executable project whose entry point the generator writes. Reported at
/// compilation end from the model's cross check (project facts + functions).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProjectShapeAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.NotAnExecutable,
        DiagnosticDescriptors.ProjectHasOwnMain);

    protected override ImmutableHashSet<string> AppRules { get; } = Rules(
        RuleIdentifiers.NotAnExecutable,
        RuleIdentifiers.ProjectHasOwnMain);
}
