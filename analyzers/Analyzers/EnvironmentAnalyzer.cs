using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers;

/// <summary>
/// SLS1120-SLS1122: environment variables. Every <c>[Environment]</c> (assembly, class, method) is read by
/// <see cref="EnvironmentReader"/>, which reports a malformed one (SLS1122) and a literal that looks like a secret
/// (SLS1121) at the attribute's own symbol, so each is reported once however many functions it applies to. Per
/// <c>[LambdaFunction]</c>, the variables of every scope that applies plus those the product adds are counted against
/// Lambda's 4 KB (SLS1120, at the method identifier). All diagnostics are local: shown as you type, with fixes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnvironmentAnalyzer : DiagnosticAnalyzer
{
    private const string Name = nameof(EnvironmentAnalyzer);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EnvironmentTooLarge,
        DiagnosticDescriptors.SecretInEnvironment,
        DiagnosticDescriptors.EnvironmentSource,
        DiagnosticDescriptors.InternalError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(AnalyzerGuard.GuardCompilationStart(Name, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var environmentType = compilation.GetTypeByMetadataName(KnownNames.EnvironmentAttribute);
        if (environmentType is null)
        {
            return;   // Serverless.Annotations is not referenced.
        }

        var lambdaFunctionType = compilation.GetTypeByMetadataName(KnownNames.LambdaFunctionAttribute);
        var cancellationToken = context.CancellationToken;
        const LazyThreadSafetyMode Mode = LazyThreadSafetyMode.PublicationOnly;
        var app = new Lazy<AppSpec>(() => ModelCache.ReadApp(compilation, cancellationToken).Spec, Mode);
        var appName = new Lazy<string>(() => app.Value.Name, Mode);
        var assembly = new Lazy<EnvironmentReadResult>(
            () => EnvironmentReader.Read(compilation.Assembly.GetAttributes(), EnvironmentScope.Assembly, "", appName.Value, cancellationToken), Mode);

        // A class's [Environment] is read once, not once per handler it contains (each read visits the syntax and runs
        // the secret heuristics). Cancelled reads store nothing.
        var classes = new ConcurrentDictionary<INamedTypeSymbol, EnvironmentReadResult>(SymbolEqualityComparer.Default);
        EnvironmentReadResult ReadClass(INamedTypeSymbol type, CancellationToken token) =>
            classes.TryGetValue(type, out var read)
                ? read
                : classes.GetOrAdd(type, EnvironmentReader.Read(type.GetAttributes(), EnvironmentScope.Class, type.Name, appName.Value, token));

        // [assembly: Environment]: reported in the document that declares it.
        context.RegisterSemanticModelAction(AnalyzerGuard.GuardSemanticModel(Name, c =>
        {
            var path = c.SemanticModel.SyntaxTree.FilePath;
            if (!compilation.Assembly.GetAttributes().Any(a => a.ApplicationSyntaxReference?.SyntaxTree == c.SemanticModel.SyntaxTree
                && SymbolEqualityComparer.Default.Equals(a.AttributeClass, environmentType)))
            {
                return;
            }

            foreach (var diagnostic in assembly.Value.Diagnostics)
            {
                if (diagnostic.Location?.FilePath == path)
                {
                    c.ReportDiagnostic(diagnostic.ToDiagnostic(c.SemanticModel.Compilation));
                }
            }
        }));

        context.RegisterSymbolAction(AnalyzerGuard.GuardSymbol(Name, c =>
        {
            var type = (INamedTypeSymbol)c.Symbol;
            if (HasEnvironment(type.GetAttributes(), environmentType))
            {
                Report(c, ReadClass(type, c.CancellationToken).Diagnostics);
            }

            // A class-level [LambdaFunction]: the function's variables are assembly < classes (outermost first, the class last).
            var lambdaFunction = lambdaFunctionType is null
                ? null
                : type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, lambdaFunctionType));
            if (lambdaFunction is not null)
            {
                var layers = new List<IEnumerable<EnvironmentEntry>> { assembly.Value.Entries };
                foreach (var scope in type.ContainingTypesOutward().Reverse().Append(type))
                {
                    if (HasEnvironment(scope.GetAttributes(), environmentType))
                    {
                        layers.Add(ReadClass(scope, c.CancellationToken).Entries);
                    }
                }

                var result = ModelCache.ReadClassFunction(type, lambdaFunction, c.CancellationToken);
                CheckSize(c, result, result.Spec?.Name ?? result.Name ?? ClassFunctionReader.DefaultName(type), EnvironmentModel.Merge(layers),
                    result.Locations.Method ?? LocationInfo.From(type.Locations.FirstOrDefault(l => l.IsInSource)));
            }
        }), SymbolKind.NamedType);

        context.RegisterSymbolAction(AnalyzerGuard.GuardSymbol(Name, c =>
        {
            var method = (IMethodSymbol)c.Symbol;
            var attributes = method.GetAttributes();
            var own = HasEnvironment(attributes, environmentType)
                ? EnvironmentReader.Read(attributes, EnvironmentScope.Method, method.Name, appName.Value, c.CancellationToken)
                : new EnvironmentReadResult(ImmutableArray<EnvironmentEntry>.Empty, ImmutableArray<ModelDiagnostic>.Empty);
            Report(c, own.Diagnostics);

            var lambdaFunction = lambdaFunctionType is null
                ? null
                : attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, lambdaFunctionType));
            if (lambdaFunction is null || method.MethodKind != MethodKind.Ordinary || method.ContainingType is null)
            {
                return;
            }

            // The function's variables: assembly < classes (outermost first) < method, plus the product's own.
            var layers = new List<IEnumerable<EnvironmentEntry>> { assembly.Value.Entries };
            foreach (var type in method.ContainingTypesOutward().Reverse())
            {
                if (HasEnvironment(type.GetAttributes(), environmentType))
                {
                    layers.Add(ReadClass(type, c.CancellationToken).Entries);
                }
            }

            layers.Add(own.Entries);
            var result = ModelCache.ReadFunction(method, lambdaFunction, c.CancellationToken);
            CheckSize(c, result, result.Spec?.Name ?? FunctionReader.DefaultName(method), EnvironmentModel.Merge(layers),
                result.Locations.Method ?? LocationInfo.From(method.Locations.FirstOrDefault(l => l.IsInSource)));
        }), SymbolKind.Method);

        // SLS1120: the function's variables plus the product's own, against Lambda's 4 KB.
        void CheckSize(SymbolAnalysisContext c, FunctionReadResult result, string functionName, IReadOnlyList<EnvironmentEntry> entries, LocationInfo? location)
        {
            var product = result.Spec is { } spec ? EnvironmentModel.ProductVariables(spec.ResolveSettings(app.Value)) : default;
            if (EnvironmentModel.CheckSize(functionName, location, entries, product, appName.Value) is { } tooLarge)
            {
                c.ReportDiagnostic(tooLarge.ToDiagnostic(c.Compilation));
            }
        }
    }

    private static bool HasEnvironment(ImmutableArray<AttributeData> attributes, INamedTypeSymbol environmentType)
    {
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, environmentType))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(SymbolAnalysisContext context, ImmutableArray<ModelDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
    }
}
