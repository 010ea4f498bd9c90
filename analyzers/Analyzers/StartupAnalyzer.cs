using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1011-SLS1013: dependency injection through the <c>[LambdaStartup]</c> class. SLS1013 is reported per class from
/// the startup reader; SLS1011 and SLS1012 at compilation end from the model's cross check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StartupAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.MissingStartup,
        DiagnosticDescriptors.DuplicateStartup,
        DiagnosticDescriptors.InvalidStartup);

    protected override ImmutableHashSet<string> StartupRules { get; } = Rules(RuleIdentifiers.InvalidStartup);

    protected override ImmutableHashSet<string> AppRules { get; } = Rules(
        RuleIdentifiers.MissingStartup,
        RuleIdentifiers.DuplicateStartup);
}
