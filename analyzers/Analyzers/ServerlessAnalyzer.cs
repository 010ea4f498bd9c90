using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers;

/// <summary>
/// The common shape of the suite's analyzers. None of them reads a <c>Serverless.*</c> attribute: each finds the
/// symbols that carry one and hands them to the model layer's readers, then reports the diagnostics the readers
/// (per symbol, at once) and <see cref="AppModel.Validate"/> (across the app, at compilation end) return, keeping
/// only its own rule family. Every callback is guarded: a bug is reported as SLS9001, never as AD0001.
/// </summary>
public abstract class ServerlessAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Rules this analyzer reports from <see cref="FunctionReader"/>, per method.</summary>
    protected virtual ImmutableHashSet<string> FunctionRules => ImmutableHashSet<string>.Empty;

    /// <summary>Rules this analyzer reports from <see cref="StartupReader"/>, per class.</summary>
    protected virtual ImmutableHashSet<string> StartupRules => ImmutableHashSet<string>.Empty;

    /// <summary>Rules this analyzer reports from <see cref="AppModel.Validate"/>, at compilation end.</summary>
    protected virtual ImmutableHashSet<string> AppRules => ImmutableHashSet<string>.Empty;

    /// <summary>
    /// Rules this analyzer reports from <see cref="AppModel.Validate"/> run on one function at a time (with the app,
    /// the project facts and every JSON context), in the method's symbol action: local diagnostics, which the IDE
    /// shows as you type and offers code fixes for.
    /// </summary>
    protected virtual ImmutableHashSet<string> FunctionAppRules => ImmutableHashSet<string>.Empty;

    /// <summary>
    /// Rules this analyzer reports from <see cref="FunctionLimits"/>: per method from
    /// <see cref="FunctionLimits.ValidateFunction"/> (with the app's defaults), and for the app's own defaults from
    /// <see cref="FunctionLimits.ValidateApp"/> in the document that declares <c>[assembly: ServerlessApp]</c>. All local.
    /// </summary>
    protected virtual ImmutableHashSet<string> LimitRules => ImmutableHashSet<string>.Empty;

    /// <summary>Rules whose diagnostics may be <see cref="ModelDiagnostic.Shared"/>.</summary>
    private static readonly ImmutableHashSet<string> SharedRules = Rules(RuleIdentifiers.UncheckableRange);

    private static readonly ImmutableHashSet<string> JsonRules = Rules(
        RuleIdentifiers.JsonContextLacksType, RuleIdentifiers.NoJsonContext, RuleIdentifiers.InvalidJsonContext);

    private string Name => GetType().Name;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(AnalyzerGuard.GuardCompilationStart(Name, OnCompilationStart));
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = KnownSymbols.Create(context.Compilation);
        if (symbols is null)
        {
            return;   // Serverless.Annotations is not referenced: nothing to analyze.
        }

        var collect = !AppRules.IsEmpty;
        var perFunction = !FunctionAppRules.IsEmpty;
        var limits = !LimitRules.IsEmpty;
        var compilation = context.Compilation;
        var cancellationToken = context.CancellationToken;
        var functions = new ConcurrentBag<FunctionReadResult>();
        var startups = new ConcurrentBag<StartupReadResult>();
        var failed = 0;

        // Facts about the whole app, read once per compilation and only when needed, and shared by every analyzer of
        // the suite (ModelCache). PublicationOnly: a failure or a cancellation is not cached, the next caller reads again.
        const LazyThreadSafetyMode Mode = LazyThreadSafetyMode.PublicationOnly;
        var app = new Lazy<AppReadResult>(() => ModelCache.ReadApp(compilation, cancellationToken), Mode);
        var project = new Lazy<ProjectFacts>(() => ModelCache.ReadProject(compilation, cancellationToken), Mode);
        // Only the JSON rules depend on the contexts; analyzers of other families skip the walk over every type.
        var needsContexts = AppRules.Overlaps(JsonRules) || FunctionAppRules.Overlaps(JsonRules);
        var contexts = new Lazy<IReadOnlyList<JsonContextReadResult>>(() =>
            needsContexts ? ModelCache.JsonContexts(compilation, cancellationToken, FindJsonContexts) : Array.Empty<JsonContextReadResult>(), Mode);

        // One function's read result: its own diagnostics, then (when asked) the per-function app checks and the limits.
        void OnFunction(SymbolAnalysisContext c, FunctionReadResult result)
        {
            Report(c.ReportDiagnostic, result.Diagnostics.Where(d => !d.Shared), FunctionRules, c.Compilation);
            if (collect)
            {
                functions.Add(result);
            }

            if (perFunction && result.Spec is not null)
            {
                var diagnostics = AppModel.Validate(
                    app.Value,
                    new[] { result },
                    Array.Empty<StartupReadResult>(),
                    contexts.Value,
                    project.Value,
                    c.CancellationToken);
                Report(c.ReportDiagnostic, diagnostics, FunctionAppRules, c.Compilation);
            }

            if (limits)
            {
                Report(c.ReportDiagnostic, FunctionLimits.ValidateFunction(app.Value, result), LimitRules, c.Compilation);
            }
        }

        var functionRules = collect || perFunction || limits || !FunctionRules.IsEmpty;
        if (functionRules)
        {
            context.RegisterSymbolAction(
                AnalyzerGuard.GuardSymbol(Name, c =>
                {
                    try
                    {
                        var method = (IMethodSymbol)c.Symbol;
                        var attribute = symbols.FindLambdaFunction(method);
                        if (attribute is not null)
                        {
                            OnFunction(c, ModelCache.ReadFunction(method, attribute, c.CancellationToken));
                        }
                    }
                    catch (Exception) when (!c.CancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Exchange(ref failed, 1);
                        throw;
                    }
                }),
                SymbolKind.Method);
        }

        if (limits)
        {
            // The app's defaults: reported in the document of the attribute's argument, so they are local diagnostics.
            var appLimits = new Lazy<ImmutableArray<ModelDiagnostic>>(() => FunctionLimits.ValidateApp(app.Value), Mode);
            context.RegisterSemanticModelAction(AnalyzerGuard.GuardSemanticModel(Name, c =>
            {
                var path = c.SemanticModel.SyntaxTree.FilePath;
                foreach (var diagnostic in appLimits.Value)
                {
                    if (diagnostic.Location?.FilePath == path && LimitRules.Contains(diagnostic.Id))
                    {
                        c.ReportDiagnostic(diagnostic.ToDiagnostic(c.SemanticModel.Compilation));
                    }
                }
            }));
        }

        if (FunctionRules.Overlaps(SharedRules))
        {
            // Diagnostics on a declaration several functions read (ModelDiagnostic.Shared: a body type's property) come
            // from every function's read result; each is reported once, from the semantic model of its own document, so
            // that it is local (shown as you type, with its fixes). Only documents that declare such checks pay for
            // reading the app's functions (once per compilation, shared with the symbol actions through ModelCache).
            var shared = new Lazy<ILookup<string, ModelDiagnostic>>(
                () => ModelCache.SharedDiagnostics(compilation, cancellationToken, (c, ct) => FindSharedDiagnostics(c, symbols, ct)), Mode);
            context.RegisterSemanticModelAction(AnalyzerGuard.GuardSemanticModel(Name, c =>
            {
                var tree = c.SemanticModel.SyntaxTree;
                if (!HttpReader.MayDeclareBodyChecks(tree.GetRoot(c.CancellationToken)))
                {
                    return;
                }

                Report(c.ReportDiagnostic, shared.Value[tree.FilePath].Where(d => d.Location?.Span.End <= tree.Length), FunctionRules, c.SemanticModel.Compilation);
            }));
        }

        if (functionRules || !StartupRules.IsEmpty)
        {
            context.RegisterSymbolAction(
                AnalyzerGuard.GuardSymbol(Name, c =>
                {
                    try
                    {
                        var type = (INamedTypeSymbol)c.Symbol;
                        if (type.TypeKind != TypeKind.Class)
                        {
                            return;
                        }

                        // A class-level [LambdaFunction]: one function whose endpoints are its routed public methods.
                        if (functionRules && symbols.FindLambdaFunction(type) is { } function)
                        {
                            OnFunction(c, ModelCache.ReadClassFunction(type, function, c.CancellationToken));
                        }

                        if ((collect || !StartupRules.IsEmpty) && symbols.IsStartup(type))
                        {
                            var result = StartupReader.Read(type, c.CancellationToken);
                            Report(c.ReportDiagnostic, result.Diagnostics, StartupRules, c.Compilation);
                            if (collect)
                            {
                                startups.Add(result);
                            }
                        }
                    }
                    catch (Exception) when (!c.CancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Exchange(ref failed, 1);
                        throw;
                    }
                }),
                SymbolKind.NamedType);
        }

        if (collect)
        {
            context.RegisterCompilationEndAction(AnalyzerGuard.GuardCompilation(Name, c =>
            {
                if (Volatile.Read(ref failed) != 0)
                {
                    return;   // Already reported as SLS9001; cross checks on partial data would mislead.
                }

                var diagnostics = AppModel.Validate(
                    app.Value,
                    Ordered(functions, f => f.Locations.Method),
                    Ordered(startups, s => s.Location),
                    contexts.Value,
                    project.Value,
                    c.CancellationToken);
                Report(c.ReportDiagnostic, diagnostics, AppRules, c.Compilation);
            }));
        }
    }

    /// <summary>Reports the diagnostics of <paramref name="rules"/>, mapped back to the compilation's trees.</summary>
    private static void Report(Action<Diagnostic> report, IEnumerable<ModelDiagnostic> diagnostics, ImmutableHashSet<string> rules, Compilation compilation)
    {
        if (rules.IsEmpty)
        {
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (rules.Contains(diagnostic.Id))
            {
                report(diagnostic.ToDiagnostic(compilation));
            }
        }
    }

    /// <summary>
    /// Every class of the compilation deriving from <c>JsonSerializerContext</c>, read by the model, in source order.
    /// (Found by walking the source assembly's types, so that per-function checks can use them before symbol actions
    /// for the classes have run.)
    /// </summary>
    private static IReadOnlyList<JsonContextReadResult> FindJsonContexts(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(KnownNames.JsonSerializerContext) is null)
        {
            return Array.Empty<JsonContextReadResult>();
        }

        var found = new List<JsonContextReadResult>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }

            if (type.TypeKind == TypeKind.Class && JsonContextReader.IsJsonSerializerContext(type))
            {
                found.Add(JsonContextReader.Read(type, cancellationToken));
            }
        }

        return Ordered(found, j => j.Location);
    }

    /// <summary>
    /// The <see cref="ModelDiagnostic.Shared"/> diagnostics of every function of the compilation (method and class
    /// functions, found by walking the source assembly's types and read through <see cref="ModelCache"/>), each once,
    /// by file path.
    /// </summary>
    private static ILookup<string, ModelDiagnostic> FindSharedDiagnostics(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var found = new HashSet<ModelDiagnostic>();
        void Add(FunctionReadResult result)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Shared && diagnostic.Location is not null)
                {
                    found.Add(diagnostic);
                }
            }
        }

        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            if (type.TypeKind == TypeKind.Class && symbols.FindLambdaFunction(type) is { } classFunction)
            {
                Add(ModelCache.ReadClassFunction(type, classFunction, cancellationToken));
            }

            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    pending.Push(nested);
                }
                else if (member is IMethodSymbol method && symbols.FindLambdaFunction(method) is { } function)
                {
                    Add(ModelCache.ReadFunction(method, function, cancellationToken));
                }
            }
        }

        return found.ToLookup(d => d.Location!.FilePath, StringComparer.Ordinal);
    }

    /// <summary>Symbol actions run in any order; the cross checks get their inputs in source order.</summary>
    private static IReadOnlyList<T> Ordered<T>(IEnumerable<T> items, Func<T, LocationInfo?> location) =>
        items.OrderBy(i => location(i)?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(i => location(i)?.Span.Start ?? 0)
            .ToList();

    /// <summary>Creates the rule set of an analyzer.</summary>
    protected static ImmutableHashSet<string> Rules(params string[] ids) => ImmutableHashSet.Create(StringComparer.Ordinal, ids);

    /// <summary>The descriptors an analyzer supports: its rules plus SLS9001.</summary>
    protected static ImmutableArray<DiagnosticDescriptor> Supported(params DiagnosticDescriptor[] descriptors) =>
        descriptors.Concat(new[] { DiagnosticDescriptors.InternalError }).ToImmutableArray();
}

/// <summary>The attribute types the analyzers look for, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(INamedTypeSymbol lambdaFunction, INamedTypeSymbol? lambdaStartup)
    {
        LambdaFunction = lambdaFunction;
        LambdaStartup = lambdaStartup;
    }

    public INamedTypeSymbol LambdaFunction { get; }

    public INamedTypeSymbol? LambdaStartup { get; }

    public static KnownSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.LambdaFunctionAttribute) is { } lambdaFunction
            ? new KnownSymbols(lambdaFunction, compilation.GetTypeByMetadataName(KnownNames.LambdaStartupAttribute))
            : null;

    /// <summary>The method's or class's <c>[LambdaFunction]</c>, found by its class (what it says is the reader's business).</summary>
    public AttributeData? FindLambdaFunction(ISymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LambdaFunction))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsStartup(INamedTypeSymbol type)
    {
        if (LambdaStartup is null)
        {
            return false;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LambdaStartup))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Several analyzers need each function's read result; the first to ask reads it, the others reuse it for as long
/// as the method symbol (and so its compilation) lives.
/// </summary>
internal static class ModelCache
{
    private static readonly ConditionalWeakTable<AttributeData, FunctionReadResult> Functions = new();

    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> Compilations = new();

    public static FunctionReadResult ReadFunction(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken) =>
        Functions.GetValue(attribute, _ => FunctionReader.Read(method, attribute, cancellationToken));

    /// <summary>A class-level <c>[LambdaFunction]</c> (<see cref="ClassFunctionReader"/>), read once for every analyzer.</summary>
    public static FunctionReadResult ReadClassFunction(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken) =>
        Functions.GetValue(attribute, _ => ClassFunctionReader.Read(type, attribute, cancellationToken));

    /// <summary>The app (<see cref="AppReader"/>), read once per compilation for all analyzers.</summary>
    public static AppReadResult ReadApp(Compilation compilation, CancellationToken cancellationToken) =>
        Shared(ref Facts(compilation).App, compilation, cancellationToken, AppReader.Read);

    /// <summary>The project facts (<see cref="ProjectFactsReader"/>: a syntax walk over every tree), once per compilation.</summary>
    public static ProjectFacts ReadProject(Compilation compilation, CancellationToken cancellationToken) =>
        Shared(ref Facts(compilation).Project, compilation, cancellationToken, ProjectFactsReader.Read);

    /// <summary>The compilation's JSON contexts (a walk over every type), once per compilation.</summary>
    public static IReadOnlyList<JsonContextReadResult> JsonContexts(
        Compilation compilation, CancellationToken cancellationToken, Func<Compilation, CancellationToken, IReadOnlyList<JsonContextReadResult>> find) =>
        Shared(ref Facts(compilation).JsonContexts, compilation, cancellationToken, find);

    /// <summary>The app's diagnostics on declarations several functions read (a walk over every type), once per compilation.</summary>
    public static ILookup<string, ModelDiagnostic> SharedDiagnostics(
        Compilation compilation, CancellationToken cancellationToken, Func<Compilation, CancellationToken, ILookup<string, ModelDiagnostic>> find) =>
        Shared(ref Facts(compilation).SharedDiagnostics, compilation, cancellationToken, find);

    private static CompilationFacts Facts(Compilation compilation) => Compilations.GetValue(compilation, _ => new CompilationFacts());

    // Readers are pure: racing callers may both read, the first result is kept. A failure or a cancellation stores
    // nothing, so the next caller reads again.
    private static T Shared<T>(ref T? slot, Compilation compilation, CancellationToken cancellationToken, Func<Compilation, CancellationToken, T> read)
        where T : class =>
        Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, read(compilation, cancellationToken), null) ?? slot!;

    private sealed class CompilationFacts
    {
        public AppReadResult? App;
        public ProjectFacts? Project;
        public IReadOnlyList<JsonContextReadResult>? JsonContexts;
        public ILookup<string, ModelDiagnostic>? SharedDiagnostics;
    }
}
