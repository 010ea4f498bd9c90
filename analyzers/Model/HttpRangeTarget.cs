using System.Threading;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Who a <c>[Range]</c> is on, for SLS3017's message, and where its diagnostics go. <paramref name="Shared"/>: the
/// attribute is on a body type's property, which every function taking that body reads again.
/// </summary>
internal sealed record HttpRangeTarget(string Description, bool Shared, DiagnosticBag Bag, CancellationToken CancellationToken);

/// <summary>The <see cref="HttpRangeTarget"/>s of one HTTP function's parameters and body properties.</summary>
internal sealed class HttpRangeTargets
{
    private readonly DiagnosticBag _bag;
    private readonly string _handler;
    private readonly CancellationToken _cancellationToken;

    public HttpRangeTargets(DiagnosticBag bag, string handler, CancellationToken cancellationToken)
    {
        _bag = bag;
        _handler = handler;
        _cancellationToken = cancellationToken;
    }

    public HttpRangeTarget Parameter(Microsoft.CodeAnalysis.IParameterSymbol parameter) =>
        new("parameter '" + parameter.Name + "' of '" + _handler + "'", false, _bag, _cancellationToken);

    /// <summary>Named by its declaring type, so that every function taking the body says the same (and is reported once).</summary>
    public HttpRangeTarget Property(Microsoft.CodeAnalysis.IPropertySymbol property) =>
        new("property '" + property.ContainingType.Name + "." + property.Name + "'", true, _bag, _cancellationToken);
}
