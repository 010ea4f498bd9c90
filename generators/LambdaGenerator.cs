using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Model;
using Serverless.Generators.Emitter;

namespace Serverless.Generators;

/// <summary>
/// Generates the Lambda entry points: one wrapper per <c>[LambdaFunction]</c> (a class-level one: a router over its
/// routed methods), <c>Serverless.Generated.LambdaApp</c>,
/// <c>LambdaEntryPoint.Main</c> for executables without their own, and the manifest attribute.
/// Diagnostics about user code are the analyzers' job; the generator drops what it cannot generate and reports
/// only its own bugs (SLS9001).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LambdaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.LambdaFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => Parser.ReadFunction(ctx, ct))
            .WithTrackingName(TrackingNames.Functions);

        // A class-level [LambdaFunction]: one function routing to the class's routed public methods.
        var classFunctions = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.LambdaFunctionAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Parser.ReadClassFunction(ctx, ct))
            .WithTrackingName(TrackingNames.ClassFunctions);

        var app = context.CompilationProvider
            .Select(static (compilation, ct) => Parser.ReadApp(compilation, ct))
            .WithTrackingName(TrackingNames.App);

        var startups = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.LambdaStartupAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Parser.ReadStartup(ctx, ct))
            .WithTrackingName(TrackingNames.Startups);

        var jsonContexts = context.SyntaxProvider.ForAttributeWithMetadataName(
                KnownNames.JsonSerializableAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Parser.ReadJsonContext(ctx, ct))
            .WithTrackingName(TrackingNames.JsonContexts);

        var ownEntryPoint = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => EntryPointSyntax.IsUserEntryPoint(node),
                static (_, _) => true)
            .Collect()
            .Select(static (found, _) => !found.IsDefaultOrEmpty)
            .WithTrackingName(TrackingNames.OwnEntryPoint);

        var outputKind = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options.OutputKind)
            .WithTrackingName(TrackingNames.OutputKind);

        var model = functions.Collect()
            .Combine(classFunctions.Collect())
            .Combine(app)
            .Combine(startups.Collect())
            .Combine(jsonContexts.Collect())
            .Combine(ownEntryPoint)
            .Combine(outputKind)
            .Select(static (input, ct) =>
            {
                var ((((((fs, cs), a), ss), js), main), kind) = input;
                return Parser.Combine(fs, cs, a, ss, js, main, kind, ct);
            })
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(model, static (spc, spec) => Execute(spc, spec));
    }

    private static void Execute(SourceProductionContext context, GenerationSpec spec)
    {
        foreach (var error in spec.Errors)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, error.Where, error.Message));
        }

        try
        {
            var files = SourceEmitter.Emit(spec);
            foreach (var file in files)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = Parser.Error("emitting " + string.Join(", ", spec.Functions.Select(f => f.Name)), ex);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, error.Where, error.Message));
        }
    }
}
