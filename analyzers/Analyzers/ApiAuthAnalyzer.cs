using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers;

/// <summary>
/// SLS3009-SLS3016, SLS3024: auth, CORS and API settings. The assembly's attributes are read once (<see cref="ApiReader"/>
/// through <see cref="ModelCache.ReadApp"/>) and their diagnostics reported in the document that declares them; each
/// <c>[Authorize]</c> is checked on its own symbol (SLS3011, SLS3013); each route of a <c>[LambdaFunction]</c> (a class function: of each endpoint) against
/// the app (SLS3009, SLS3012) at its route attribute, and each declared binary response of a REST route against the
/// app's binary media types (SLS3024) at its <c>[HttpResponse]</c>. These are local diagnostics, so fixes are offered. Only SLS3016
/// (a <c>LambdaAuthorizer.Function</c> naming no function of the app) needs every function: compilation end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiAuthAnalyzer : DiagnosticAnalyzer
{
    private const string Name = nameof(ApiAuthAnalyzer);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.RouteWithoutAuth,
        DiagnosticDescriptors.CorsAnyOriginWithCredentials,
        DiagnosticDescriptors.UnknownAuthorizer,
        DiagnosticDescriptors.AuthNotSupportedByApi,
        DiagnosticDescriptors.ScopesWithoutScopeSupport,
        DiagnosticDescriptors.InvalidApiSetting,
        DiagnosticDescriptors.InvalidAuthorizer,
        DiagnosticDescriptors.AuthorizerFunctionNotFound,
        DiagnosticDescriptors.BinaryResponseNotBinary,
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
        var lambdaFunctionType = compilation.GetTypeByMetadataName(KnownNames.LambdaFunctionAttribute);
        var authorizeType = compilation.GetTypeByMetadataName(ApiKnownNames.AuthorizeAttribute);
        if (lambdaFunctionType is null || authorizeType is null)
        {
            return;   // Serverless.Annotations (of this version) is not referenced.
        }

        var cancellationToken = context.CancellationToken;
        const LazyThreadSafetyMode Mode = LazyThreadSafetyMode.PublicationOnly;
        var api = new Lazy<ApiReadResult>(() => ModelCache.ReadApp(compilation, cancellationToken).Api, Mode);
        var assemblyDiagnostics = new Lazy<ImmutableArray<ModelDiagnostic>>(
            () => api.Value.Diagnostics.AddRange(AuthReader.ValidateAuthorize(compilation.Assembly.GetAttributes(), api.Value, cancellationToken)), Mode);
        var functionNames = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var failed = 0;

        // The assembly's attributes: reported in the document that declares each.
        context.RegisterSemanticModelAction(AnalyzerGuard.GuardSemanticModel(Name, c =>
        {
            var path = c.SemanticModel.SyntaxTree.FilePath;
            foreach (var diagnostic in assemblyDiagnostics.Value)
            {
                if (diagnostic.Location?.FilePath == path)
                {
                    c.ReportDiagnostic(diagnostic.ToDiagnostic(c.SemanticModel.Compilation));
                }
            }
        }));

        // Each class's and method's [Authorize] (SLS3011, SLS3013); each function's routes against the app (SLS3009,
        // SLS3012, SLS3024): a method [LambdaFunction] or a class one (its endpoints), also collecting names for SLS3016.
        context.RegisterSymbolAction(AnalyzerGuard.GuardSymbol(Name, c =>
        {
            try
            {
                var attributes = c.Symbol.GetAttributes();
                if (attributes.Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, authorizeType)))
                {
                    Report(c, AuthReader.ValidateAuthorize(attributes, api.Value, c.CancellationToken));
                }

                var lambdaFunction = attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, lambdaFunctionType));
                var result = (lambdaFunction, c.Symbol) switch
                {
                    (null, _) => null,
                    (_, IMethodSymbol method) => ModelCache.ReadFunction(method, lambdaFunction, c.CancellationToken),
                    (_, INamedTypeSymbol type) => ModelCache.ReadClassFunction(type, lambdaFunction, c.CancellationToken),
                    _ => null,
                };
                if (result is null)
                {
                    return;
                }

                if (result.Name is { } name)
                {
                    functionNames.TryAdd(name, 0);
                }

                Report(c, AuthReader.ValidateRoutes(result, api.Value));
                Report(c, BinaryResponseRules.Validate(result, api.Value));
            }
            catch (Exception) when (!c.CancellationToken.IsCancellationRequested)
            {
                Interlocked.Exchange(ref failed, 1);
                throw;
            }
        }), SymbolKind.NamedType, SymbolKind.Method);

        context.RegisterCompilationEndAction(AnalyzerGuard.GuardCompilation(Name, c =>
        {
            if (Volatile.Read(ref failed) != 0)
            {
                return;   // already reported as SLS9001; a missing function might only be one that failed
            }

            foreach (var entry in api.Value.AuthorizerFunctions)
            {
                var parts = entry.Key.Split('\n');
                if (parts.Length == 2 && !functionNames.ContainsKey(parts[1]))
                {
                    var close = functionNames.Keys.FirstOrDefault(n => string.Equals(n, parts[1], StringComparison.OrdinalIgnoreCase));
                    var hint = close is null ? "" : $" (did you mean '{close}'?)";
                    c.ReportDiagnostic(ModelDiagnostic.Create(DiagnosticDescriptors.AuthorizerFunctionNotFound, entry.Location, parts[0], parts[1], hint)
                        .ToDiagnostic(c.Compilation));
                }
            }
        }));
    }

    private static void Report(SymbolAnalysisContext context, ImmutableArray<ModelDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
    }
}
