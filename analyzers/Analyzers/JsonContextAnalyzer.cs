using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1014-SLS1016: handler input and output types go through the app's own <c>JsonSerializerContext</c>. SLS1014 and
/// SLS1015 are reported per method (local, so the fix shows as you type), SLS1016 at compilation end; all come from
/// the model's cross check (app, functions, contexts). SLS1014 carries the context's and the
/// type's names in its properties for the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonContextAnalyzer : ServerlessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(
        DiagnosticDescriptors.JsonContextLacksType,
        DiagnosticDescriptors.NoJsonContext,
        DiagnosticDescriptors.InvalidJsonContext);

    /// <summary>Per function, so that the diagnostics are local and the SLS1014 fix is offered as you type.</summary>
    protected override ImmutableHashSet<string> FunctionAppRules { get; } = Rules(
        RuleIdentifiers.JsonContextLacksType,
        RuleIdentifiers.NoJsonContext);

    protected override ImmutableHashSet<string> AppRules { get; } = Rules(RuleIdentifiers.InvalidJsonContext);
}
