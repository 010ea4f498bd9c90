using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers;

/// <summary>
/// SLS2001-SLS2004: costly patterns in the code an invocation runs. That code is the body of a <c>[LambdaFunction]</c>
/// method or of a routed public method of a class-level <c>[LambdaFunction]</c> (with its lambdas and local functions) and every method, accessor or local function of the same type it
/// calls, transitively. Field initializers, constructors (the handler class is created once per execution
/// environment) and other types (such as the <c>[LambdaStartup]</c> class) are not invocation code.
/// </summary>
/// <remarks>
/// Per handler type, a symbol start action registers an operation block action that records, for every member of
/// the type, what it creates or blocks on (<see cref="HandlerCodeFinder"/>) and which members of the type it calls.
/// The symbol end action walks the calls from each handler (a visited set makes it cycle-safe and bounds it by the
/// number of members) and reports each finding once, naming the first handler that reaches it. No semantic model
/// is requested for other trees (RS1030), and types without handlers cost one scan of their members.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerCodeAnalyzer : DiagnosticAnalyzer
{
    private const string Name = nameof(HandlerCodeAnalyzer);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PerRequestDatabaseConnection,
        DiagnosticDescriptors.PerRequestHttpClient,
        DiagnosticDescriptors.PerRequestAwsClient,
        DiagnosticDescriptors.BlockingOnAsync,
        DiagnosticDescriptors.InternalError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(AnalyzerGuard.GuardCompilationStart(Name, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var known = KnownSymbols.Create(context.Compilation);
        if (known is null)
        {
            return;   // Serverless.Annotations is not referenced: there are no handlers.
        }

        var types = HandlerCodeTypes.Create(context.Compilation);
        if (!types.AnyRule)
        {
            return;
        }

        // [assembly: RdsProxy] comes with the app, read by the model once per compilation and only when a connection is found.
        var compilation = context.Compilation;
        var cancellationToken = context.CancellationToken;
        var app = new Lazy<AppSpec>(() => AppReader.Read(compilation, cancellationToken).Spec, LazyThreadSafetyMode.PublicationOnly);
        context.RegisterSymbolStartAction(
            AnalyzerGuard.GuardSymbolStart(Name, c => OnTypeStart(c, known, types, app)),
            SymbolKind.NamedType);
    }

    private static void OnTypeStart(SymbolStartAnalysisContext context, KnownSymbols known, HandlerCodeTypes types, Lazy<AppSpec> app)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        // Handlers: [LambdaFunction] methods, and every routed public method of a class-level [LambdaFunction].
        var classFunction = known.FindLambdaFunction(type) is not null;
        var handlers = new List<IMethodSymbol>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && (known.FindLambdaFunction(method) is not null || (classFunction && ClassFunctionReader.IsEndpoint(method))))
            {
                handlers.Add(method);
            }
        }

        if (handlers.Count == 0)
        {
            return;
        }

        var facts = new ConcurrentDictionary<ISymbol, MemberFacts>(SymbolEqualityComparer.Default);
        var failed = 0;

        context.RegisterOperationBlockAction(c =>
        {
            try
            {
                var owner = c.OwningSymbol;
                if (!SymbolEqualityComparer.Default.Equals(owner.ContainingType?.OriginalDefinition, type))
                {
                    return;   // A member of a nested type: analyzed with its own type.
                }

                var finder = new HandlerCodeFinder(types, type, c.CancellationToken);
                foreach (var block in c.OperationBlocks)
                {
                    finder.Visit(block);
                }

                facts[Key(owner)] = new MemberFacts(owner, finder.Findings, finder.Callees);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && c.CancellationToken.IsCancellationRequested))
            {
                Interlocked.Exchange(ref failed, 1);
                c.ReportDiagnostic(AnalyzerGuard.InternalError(Name, c.OwningSymbol, ex));
            }
        });

        context.RegisterSymbolEndAction(c =>
        {
            try
            {
                if (Volatile.Read(ref failed) == 0)
                {
                    Report(c, handlers, facts, known, app);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && c.CancellationToken.IsCancellationRequested))
            {
                c.ReportDiagnostic(AnalyzerGuard.InternalError(Name, c.Symbol, ex));
            }
        });
    }

    /// <summary>Walks the calls from every handler (in source order) and reports each finding once.</summary>
    private static void Report(
        SymbolAnalysisContext context,
        List<IMethodSymbol> handlers,
        ConcurrentDictionary<ISymbol, MemberFacts> facts,
        KnownSymbols known,
        Lazy<AppSpec> app)
    {
        var reachedBy = new Dictionary<Finding, Reach>();
        var order = new List<Finding>();
        foreach (var handler in handlers.OrderBy(h => h.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
                     .ThenBy(h => h.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            var proxy = new Lazy<RdsProxySpec?>(() => FindProxy(handler, known, app, context.CancellationToken), LazyThreadSafetyMode.None);
            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Queue<ISymbol>();
            pending.Enqueue(Key(handler));
            while (pending.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var current = pending.Dequeue();
                if (!visited.Add(current) || !facts.TryGetValue(current, out var member))
                {
                    continue;
                }

                foreach (var finding in member.Findings)
                {
                    if (!reachedBy.TryGetValue(finding, out var reach))
                    {
                        reachedBy[finding] = new Reach(handler, member.Owner, proxy);
                        order.Add(finding);
                    }
                    else if (finding.Kind == FindingKind.Relational && reach.Proxy.Value is not null && proxy.Value is null)
                    {
                        // The message for a function without a proxy says more: prefer it.
                        reachedBy[finding] = new Reach(handler, member.Owner, proxy);
                    }
                }

                foreach (var callee in member.Callees)
                {
                    if (!visited.Contains(callee))
                    {
                        pending.Enqueue(callee);
                    }
                }
            }
        }

        foreach (var finding in order)
        {
            var reach = reachedBy[finding];
            var where = SymbolEqualityComparer.Default.Equals(Key(reach.Owner), Key(reach.Handler))
                ? "in handler '" + Display(reach.Handler) + "'"
                : "in '" + Display(reach.Owner) + "', reached from handler '" + Display(reach.Handler) + "'";
            var args = finding.Descriptor.Id == RuleIdentifiers.PerRequestDatabaseConnection
                ? new object[] { finding.Subject, where, Advice(finding.Kind, reach.Proxy.Value) }
                : new object[] { finding.Subject, where };
            context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, finding.Location, finding.Properties, args));
        }
    }

    /// <summary>The <c>[RdsProxy]</c> that applies to the handler (method &gt; class &gt; assembly; an endpoint: its class function's), as the model reads it.</summary>
    private static RdsProxySpec? FindProxy(IMethodSymbol handler, KnownSymbols known, Lazy<AppSpec> app, CancellationToken cancellationToken)
    {
        FunctionSettings? declared = null;
        if (known.FindLambdaFunction(handler) is { } attribute)
        {
            declared = ModelCache.ReadFunction(handler, attribute, cancellationToken).Settings;
        }
        else if (handler.ContainingType is { } type && known.FindLambdaFunction(type) is { } classAttribute)
        {
            declared = ModelCache.ReadClassFunction(type, classAttribute, cancellationToken).Settings;
        }

        return RdsProxyReader.Resolve(declared, app.Value);
    }

    private static string Advice(FindingKind kind, RdsProxySpec? proxy) => kind switch
    {
        FindingKind.Relational when proxy is not null => "use the proxy endpoint from " + proxy.EndpointVariable,
        FindingKind.Relational => "reach the database through RDS Proxy: this function has no RDS Proxy configured; add [RdsProxy(\"name\")]",
        _ => "share it: the client pools its connections itself",
    };

    /// <summary>The key of a member in the facts: its definition (the defining part of a partial method).</summary>
    internal static ISymbol Key(ISymbol symbol)
    {
        if (symbol is IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return method.PartialDefinitionPart ?? method;
        }

        return symbol.OriginalDefinition;
    }

    private static string Display(ISymbol symbol)
    {
        var member = symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        var type = member.ContainingType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        return type is null ? member.Name : type + "." + member.Name;
    }

    private sealed class MemberFacts
    {
        public MemberFacts(ISymbol owner, List<Finding> findings, HashSet<ISymbol> callees)
        {
            Owner = owner;
            Findings = findings;
            Callees = callees;
        }

        public ISymbol Owner { get; }

        public List<Finding> Findings { get; }

        public HashSet<ISymbol> Callees { get; }
    }

    private readonly struct Reach
    {
        public Reach(IMethodSymbol handler, ISymbol owner, Lazy<RdsProxySpec?> proxy)
        {
            Handler = handler;
            Owner = owner;
            Proxy = proxy;
        }

        public IMethodSymbol Handler { get; }

        public ISymbol Owner { get; }

        public Lazy<RdsProxySpec?> Proxy { get; }
    }
}
