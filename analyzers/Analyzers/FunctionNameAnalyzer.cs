using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1006-SLS1008: function names become CloudFormation logical IDs and <c>_HANDLER</c> values. SLS1007/SLS1008 are
/// reported per method from the function reader; SLS1006 at compilation end, from the model's cross check over all
/// functions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionNameAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.DuplicateFunctionName,
        DiagnosticDescriptors.InvalidLogicalId,
        DiagnosticDescriptors.HandlerStringTooLong);

    protected override ImmutableHashSet<string> FunctionRules { get; } = Rules(
        RuleIdentifiers.InvalidLogicalId,
        RuleIdentifiers.HandlerStringTooLong);

    protected override ImmutableHashSet<string> AppRules { get; } = Rules(RuleIdentifiers.DuplicateFunctionName);
}
