using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>
/// Wraps analyzer callbacks so that a bug never escapes as AD0001: the exception becomes an SLS9001 diagnostic
/// naming the analyzer and the symbol (or compilation) it was looking at. Cancellation still propagates.
/// </summary>
internal static class AnalyzerGuard
{
    public static Action<SymbolAnalysisContext> GuardSymbol(string analyzer, Action<SymbolAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            context.ReportDiagnostic(InternalError(analyzer, context.Symbol, ex));
        }
    };

    public static Action<CompilationAnalysisContext> GuardCompilation(string analyzer, Action<CompilationAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            context.ReportDiagnostic(InternalError(analyzer, "compilation '" + context.Compilation.AssemblyName + "'", Location.None, ex));
        }
    };

    /// <summary>
    /// Guards a compilation start action. A start action cannot report, so a failure registers a compilation end
    /// action that reports it.
    /// </summary>
    public static Action<CompilationStartAnalysisContext> GuardCompilationStart(string analyzer, Action<CompilationStartAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            var diagnostic = InternalError(analyzer, "compilation '" + context.Compilation.AssemblyName + "'", Location.None, ex);
            context.RegisterCompilationEndAction(end => end.ReportDiagnostic(diagnostic));
        }
    };

    /// <summary>Guards a symbol start action; a failure is reported from a symbol end action on the same symbol.</summary>
    public static Action<SymbolStartAnalysisContext> GuardSymbolStart(string analyzer, Action<SymbolStartAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            var diagnostic = InternalError(analyzer, context.Symbol, ex);
            context.RegisterSymbolEndAction(end => end.ReportDiagnostic(diagnostic));
        }
    };

    public static Action<SemanticModelAnalysisContext> GuardSemanticModel(string analyzer, Action<SemanticModelAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            var tree = context.SemanticModel.SyntaxTree;
            context.ReportDiagnostic(InternalError(analyzer, "document '" + tree.FilePath + "'", Location.Create(tree, default), ex));
        }
    };

    public static Action<SyntaxNodeAnalysisContext> GuardSyntaxNode(string analyzer, Action<SyntaxNodeAnalysisContext> action) => context =>
    {
        try
        {
            action(context);
        }
        catch (Exception ex) when (IsBug(ex, context.CancellationToken.IsCancellationRequested))
        {
            var where = context.ContainingSymbol is { } symbol ? Describe(symbol) : "syntax at " + context.Node.GetLocation().GetLineSpan();
            context.ReportDiagnostic(InternalError(analyzer, where, context.Node.GetLocation(), ex));
        }
    };

    public static Diagnostic InternalError(string analyzer, ISymbol symbol, Exception exception) =>
        InternalError(analyzer, Describe(symbol), FirstSourceLocation(symbol), exception);

    public static Diagnostic InternalError(string analyzer, string where, Location? location, Exception exception)
    {
        var message = exception.GetType().Name + ": " + exception.Message.Replace("\r", " ").Replace("\n", " ");
        return Diagnostic.Create(DiagnosticDescriptors.InternalError, location ?? Location.None, analyzer + " on " + where, message);
    }

    private static bool IsBug(Exception exception, bool cancellationRequested) =>
        !(exception is OperationCanceledException && cancellationRequested);

    private static string Describe(ISymbol symbol)
    {
        string name;
        try
        {
            name = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        }
        catch (Exception)
        {
            name = symbol.Name;
        }

        return symbol.Kind.ToString().ToLowerInvariant() + " '" + name + "'";
    }

    private static Location? FirstSourceLocation(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }
}
