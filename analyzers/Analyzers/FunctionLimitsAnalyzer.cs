using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1100-SLS1102: Timeout, MemorySize and EphemeralStorage outside Lambda's ranges, on <c>[LambdaFunction]</c> and on
/// the <c>[assembly: ServerlessApp]</c> defaults, reported at the argument. The checks are the model's
/// (<see cref="Model.FunctionLimits"/>); the numbers come from <see cref="Model.AwsLimits"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionLimitsAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.TimeoutOutOfRange,
        DiagnosticDescriptors.MemorySizeOutOfRange,
        DiagnosticDescriptors.EphemeralStorageOutOfRange);

    protected override ImmutableHashSet<string> LimitRules { get; } = Rules(
        RuleIdentifiers.TimeoutOutOfRange,
        RuleIdentifiers.MemorySizeOutOfRange,
        RuleIdentifiers.EphemeralStorageOutOfRange);
}
