using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Benchmarks;

/// <summary>
/// The product's analyzers on a synthetic app of N handler methods (default 2,000), measured the way the compiler
/// reports them with -p:ReportAnalyzer=true: CompilationWithAnalyzers with execution-time telemetry. The baseline,
/// measured in the same run, is the compilation's own diagnostics (binding and flow analysis, no analyzers).
/// </summary>
internal static class AnalyzerBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var handlers = ReadOption(args, "--handlers", 2000);
        var runs = ReadOption(args, "--runs", 7);
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var compilerTimes = new List<double>();
        var analyzerTimes = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        var reported = 0;
        for (var run = 0; run <= runs; run++)
        {
            var compilation = CreateCompilation(handlers, run);
            var start = Stopwatch.GetTimestamp();
            var compilerDiagnostics = compilation.GetDiagnostics();
            var compilerTime = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The synthetic app does not compile: " + errors[0]);
            }

            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var total = 0.0;
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                var ms = telemetry.ExecutionTime.TotalMilliseconds;
                total += ms;
                if (run > 0)
                {
                    (perAnalyzer.TryGetValue(analyzer.GetType().Name, out var list) ? list : perAnalyzer[analyzer.GetType().Name] = []).Add(ms);
                }
            }

            if (run == 0)
            {
                reported = diagnostics.Length;
                continue; // warm-up
            }

            compilerTimes.Add(compilerTime);
            analyzerTimes.Add(total);
        }

        var compilerMedian = Median(compilerTimes);
        var analyzerMedian = Median(analyzerTimes);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"""
            Analyzers on {handlers} handler methods, {runs} runs (medians; {reported} diagnostics: the code is clean)
              compilation without analyzers (GetDiagnostics)   {compilerMedian,8:F1} ms
              Serverless.Analyzers, all analyzers               {analyzerMedian,8:F1} ms   {analyzerMedian / compilerMedian:F2}x the compilation

            """);
        foreach (var (name, times) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            report.Append(CultureInfo.InvariantCulture, $"    {name,-40} {Median(times),8:F1} ms\n");
        }

        Console.Write(report.ToString());
        return 0;
    }

    /// <summary>Handler classes with the shapes real apps have: DI, async, JSON types, a helper call per handler.</summary>
    private static CSharpCompilation CreateCompilation(int handlers, int seed)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText($$"""
                using System.Text.Json.Serialization;
                using Microsoft.Extensions.DependencyInjection;
                [assembly: Serverless.ServerlessApp("bench", MemorySize = 256, Timeout = 10)]
                [assembly: Serverless.Environment("STAGE", "run{{seed}}")]
                namespace Bench;
                public sealed record Input(string Name, int Count);
                public sealed record Output(string Message);
                public interface IStore { System.Threading.Tasks.Task<Output> SaveAsync(Input input); }
                public sealed class Store : IStore { public System.Threading.Tasks.Task<Output> SaveAsync(Input input) => System.Threading.Tasks.Task.FromResult(new Output(input.Name)); }
                [JsonSerializable(typeof(Input))]
                [JsonSerializable(typeof(Output))]
                public partial class AppJson : JsonSerializerContext;
                // What System.Text.Json's generator would add (it does not run in this in-memory compilation).
                public partial class AppJson
                {
                    public AppJson() : base(null) { }
                    public static AppJson Default { get; } = new();
                    protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<Input> Input => null!;
                    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<Output> Output => null!;
                }
                [Serverless.LambdaStartup]
                public sealed class Startup { public void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStore, Store>(); }
                """, parse, "App.cs"),
        };

        const int perClass = 20;
        for (var type = 0; type * perClass < handlers; type++)
        {
            var source = new StringBuilder("using System.Threading; using System.Threading.Tasks; using Serverless;\nnamespace Bench;\n");
            source.Append(CultureInfo.InvariantCulture, $"[Environment(\"TABLE{type}\", \"table-{type}\")]\npublic sealed class Api{type}(IStore store)\n{{\n");
            for (var i = type * perClass; i < Math.Min(handlers, (type + 1) * perClass); i++)
            {
                source.Append(CultureInfo.InvariantCulture, $$"""
                        [LambdaFunction(MemorySize = 512, Timeout = 20)]
                        public async Task<Output> Handle{{i}}(Input input, ILambdaContext context, CancellationToken ct)
                        {
                            context.Logger.LogInformation(Describe{{i}}(input));
                            return await store.SaveAsync(input).ConfigureAwait(false);
                        }

                        private static string Describe{{i}}(Input input) => input.Name + input.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

                    """);
            }

            source.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), parse, $"Api{type}.cs"));
        }

        trees.Add(CSharpSyntaxTree.ParseText(
            "namespace Serverless.Generated { internal static class LambdaEntryPoint { public static System.Threading.Tasks.Task<int> Main(string[] args) => System.Threading.Tasks.Task.FromResult(0); } }",
            parse, "EntryPoint.g.cs"));

        return CSharpCompilation.Create("Bench", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Serverless.LambdaFunctionAttribute).Assembly.Location)
            .Append(typeof(Serverless.Runtime.LambdaHost).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
