using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1110-SLS1113: a <c>[LambdaEdge]</c> function has no environment variables, stays within the timeout of its
/// CloudFront events (5 s viewer, 30 s origin) and the viewer memory limit (128 MB), and runs on x86_64. Values inherited
/// from <c>[assembly: ServerlessApp]</c> count too and are reported on <c>[LambdaEdge]</c>. The checks are the model's
/// (<see cref="Model.FunctionLimits"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LambdaEdgeAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.EdgeEnvironment,
        DiagnosticDescriptors.EdgeTimeout,
        DiagnosticDescriptors.EdgeViewerMemory,
        DiagnosticDescriptors.EdgeArchitecture);

    protected override ImmutableHashSet<string> LimitRules { get; } = Rules(
        RuleIdentifiers.EdgeEnvironment,
        RuleIdentifiers.EdgeTimeout,
        RuleIdentifiers.EdgeViewerMemory,
        RuleIdentifiers.EdgeArchitecture);
}
