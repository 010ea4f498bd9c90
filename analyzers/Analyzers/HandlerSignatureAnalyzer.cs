using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1001-SLS1005, SLS1017: a <c>[LambdaFunction]</c> method's signature and class must be something the generated
/// entry point can call. Reported per method, from the model's function reader.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerSignatureAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.MoreThanOneEventParameter,
        DiagnosticDescriptors.ByRefParameter,
        DiagnosticDescriptors.GenericHandler,
        DiagnosticDescriptors.InaccessibleHandler,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.HandlerClassNotCreatable);

    protected override ImmutableHashSet<string> FunctionRules { get; } = Rules(
        RuleIdentifiers.MoreThanOneEventParameter,
        RuleIdentifiers.ByRefParameter,
        RuleIdentifiers.GenericHandler,
        RuleIdentifiers.InaccessibleHandler,
        RuleIdentifiers.UnsupportedReturnType,
        RuleIdentifiers.HandlerClassNotCreatable);
}
