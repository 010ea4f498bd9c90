using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Serverless.Generators;

namespace Serverless.Benchmarks;

/// <summary>
/// The generator on a synthetic app of N functions (default 400): a cold run (new driver, as after opening the
/// project), and a run after an unrelated edit (the IDE's case, which should be nearly free). The baseline,
/// measured in the same run, is the compiler binding the same source (GetDiagnostics), so the ratios carry
/// across machines.
/// </summary>
internal static class GeneratorBenchmark
{
    public static int Run(string[] args)
    {
        var functions = ReadOption(args, "--functions", 400);
        var runs = ReadOption(args, "--runs", 20);
        PrintSteps = args.Contains("--steps");
        Prebind = args.Contains("--prebind");
        // HTTP functions by default (the bar: AWS's Annotations generator on 400 HTTP functions); --plain for event functions.
        var http = !args.Contains("--plain");
        var compilation = CreateCompilation(functions, http);
        var parse = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;

        // Warm up the JIT on all three paths.
        for (var i = 0; i < 3; i++)
        {
            Cold(compilation, parse);
            Edit(compilation, parse, i);
            _ = compilation.Clone().GetDiagnostics();
        }

        var cold = new List<double>();
        var edit = new List<double>();
        var bind = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            cold.Add(Time(() => Cold(compilation, parse)));
            edit.Add(Time(() => Edit(compilation, parse, i)));
            var clone = compilation.Clone();
            bind.Add(Time(() => clone.GetDiagnostics()));
        }

        var coldMedian = Median(cold);
        var editMedian = Median(edit);
        var bindMedian = Median(bind);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Generator on {functions} {(http ? "HTTP API" : "event")} [LambdaFunction] methods, {runs} runs each (medians)
              compiler binding, no generator (baseline)  {bindMedian,8:F1} ms
              generator, cold run                        {coldMedian,8:F1} ms   {coldMedian / bindMedian:F2}x baseline
              generator, run after an unrelated edit     {editMedian,8:F1} ms   {editMedian / bindMedian:F3}x baseline
              cold / edit                                {coldMedian / editMedian:F1}x
            """));
        return 0;
    }

    private static void Cold(CSharpCompilation compilation, CSharpParseOptions parse)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new LambdaGenerator().AsSourceGenerator()], parseOptions: parse);
        driver = driver.RunGenerators(compilation);
        _ = driver.GetRunResult();
    }

    private static GeneratorDriverOptions Options => new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: PrintSteps);

    private static GeneratorDriver? _primed;
    private static CSharpCompilation? _primedFor;

    /// <summary>A driver that has seen the compilation once, then an edit to one unrelated file.</summary>
    private static void Edit(CSharpCompilation compilation, CSharpParseOptions parse, int iteration)
    {
        if (_primedFor != compilation)
        {
            _primed = CSharpGeneratorDriver.Create([new LambdaGenerator().AsSourceGenerator()], parseOptions: parse, driverOptions: Options)
                .RunGenerators(compilation);
            _primedFor = compilation;
        }

        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            unrelated.WithChangedText(unrelated.GetText().WithChanges(
                new Microsoft.CodeAnalysis.Text.TextChange(new(0, 0), $"// edit {iteration}\n"))));
        if (Prebind)
        {
            // Bind the declarations first, so the steps show the generator's own work rather than the binding it triggers.
            _ = edited.GetDeclarationDiagnostics();
        }

        var result = _primed!.RunGenerators(edited).GetRunResult();
        if (PrintSteps)
        {
            PrintSteps = false;
            foreach (var (name, steps) in result.Results[0].TrackedSteps)
            {
                Console.WriteLine($"  step {name,-40} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),8:F2} ms  {string.Join(",", steps.SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct())}");
            }

        }
    }

    private static bool PrintSteps;
    private static bool Prebind;

    private static CSharpCompilation CreateCompilation(int functions, bool http)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText("""
                using System.ComponentModel.DataAnnotations;
                using System.Text.Json.Serialization;
                [assembly: Serverless.ServerlessApp("bench", MemorySize = 256, Timeout = 10)]
                namespace Bench;
                public sealed record Input([property: StringLength(40, MinimumLength = 1)] string Name, [property: Range(0, 1000)] int Count);
                public sealed record Output(string Message);
                [JsonSerializable(typeof(Input))]
                [JsonSerializable(typeof(Output))]
                public partial class AppJson : JsonSerializerContext;
                """, parse, "App.cs"),
        };

        const int perFile = 10;
        for (var file = 0; file * perFile < functions; file++)
        {
            var source = new StringBuilder("using System; using System.ComponentModel.DataAnnotations; using System.Threading; using System.Threading.Tasks; using Serverless;\nnamespace Bench;\n");
            source.Append(CultureInfo.InvariantCulture, $"public sealed class Api{file}\n{{\n");
            for (var i = file * perFile; i < Math.Min(functions, (file + 1) * perFile); i++)
            {
                // An HTTP function binds a route value, a validated query value, a header and a validated JSON body.
                if (http)
                {
                    source.Append(CultureInfo.InvariantCulture, $$"""
                        [LambdaFunction(MemorySize = 512)]
                        [Environment("KEY{{i}}", "value")]
                        [HttpApi(HttpVerb.Post, "/api{{i}}/items/{id}")]
                        public Task<Output> Handle{{i}}(Guid id, [FromQuery, Range(1, 100)] int page, [FromHeader("X-Tenant")] string? tenant, [FromBody] Input input, CancellationToken ct) => Task.FromResult(new Output(input.Name));

                    """);
                }
                else
                {
                    source.Append(CultureInfo.InvariantCulture, $"""
                        [LambdaFunction(MemorySize = 512)]
                        [Environment("KEY{i}", "value")]
                        public Task<Output> Handle{i}(Input input, ILambdaContext context, CancellationToken ct) => Task.FromResult(new Output(input.Name));

                    """);
                }
            }

            source.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), parse, $"Api{file}.cs"));
        }

        trees.Add(CSharpSyntaxTree.ParseText("namespace Bench; internal static class Unrelated { public static int Value => 42; }", parse, "Unrelated.cs"));

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Serverless.LambdaFunctionAttribute).Assembly.Location)
            .Append(typeof(Serverless.Runtime.LambdaHost).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create("Bench", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

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
