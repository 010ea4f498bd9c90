using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Serverless.Generators.Tests.Infrastructure;

/// <summary>Options of one generator test run.</summary>
internal sealed record GeneratorTestOptions
{
    public OutputKind OutputKind { get; init; } = OutputKind.ConsoleApplication;

    /// <summary>The sources are meant to be broken: skip the compile check (never the no-exception check).</summary>
    public bool ExpectCompileErrors { get; init; }

    /// <summary>Compare generated files with Baselines/&lt;test&gt;/.</summary>
    public bool CheckBaselines { get; init; } = true;
}

/// <summary>What one run produced.</summary>
internal sealed record GeneratorTestResult(
    Compilation Output,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    GeneratorRunResult Run,
    IReadOnlyDictionary<string, string> Files)
{
    public string File(string hintName) => Files.TryGetValue(hintName, out var text)
        ? text
        : throw new Xunit.Sdk.XunitException("No generated file '" + hintName + "'; generated: " + string.Join(", ", Files.Keys));
}

/// <summary>
/// Runs <see cref="LambdaGenerator"/> (with System.Text.Json's generator beside it) the way the compiler does, and on
/// every run checks: no exception and no SLS9001; no symbol, syntax, location, semantic model or compilation in any
/// tracked step output; the output compiles without errors and the generated files without warnings (C# 12,
/// nullable on, documentation diagnostics on); generated files equal the checked-in baselines
/// (SERVERLESS_UPDATE_BASELINES=1 rewrites them); and a second run on a clone with an unrelated edit is all
/// Cached/Unchanged.
/// </summary>
internal static class GeneratorHarness
{
    public const string UpdateBaselinesVariable = "SERVERLESS_UPDATE_BASELINES";

    private const string UnrelatedPath = "Unrelated.cs";
    private const string UnrelatedBefore = "namespace Unrelated { internal static class Marker { public const int Value = 1; } }\n";
    private const string UnrelatedAfter = "namespace Unrelated { internal static class Marker { public const int Value = 2; public static int Twice => Value * 2; } }\n";

    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    public static GeneratorTestResult Run(string source, GeneratorTestOptions? options = null, [CallerMemberName] string testName = "") =>
        Run(new[] { source }, options, testName);

    public static GeneratorTestResult Run(string[] sources, GeneratorTestOptions? options, [CallerMemberName] string testName = "")
    {
        options ??= new GeneratorTestOptions();
        var compilation = CreateCompilation(sources, options.OutputKind);

        var driver = CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var runResult = driver.GetRunResult();
        var ours = runResult.Results[0];

        Assert.Null(ours.Exception);
        Assert.DoesNotContain(driverDiagnostics, d => d.Id is "CS8785" or "SLS9001");
        Assert.DoesNotContain(ours.Diagnostics, d => d.Id == "SLS9001");

        AssertNoForbiddenObjects(ours);

        var files = ours.GeneratedSources.ToDictionary(s => s.HintName.Replace('\\', '/'), s => s.SourceText.ToString(), StringComparer.Ordinal);
        ImmutableArray<Diagnostic> outputDiagnostics;
        using (var stream = new MemoryStream())
        {
            var emit = output.Emit(stream);
            outputDiagnostics = emit.Diagnostics;
        }

        if (!options.ExpectCompileErrors)
        {
            var errors = outputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var generatedWarnings = outputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && IsGenerated(d.Location.SourceTree)).ToList();
            Assert.True(errors.Count == 0 && generatedWarnings.Count == 0,
                "The output does not compile cleanly:\n" + string.Join("\n", errors.Concat(generatedWarnings).Select(Describe)));
        }

        if (options.CheckBaselines)
        {
            CompareBaselines(testName, files);
        }

        AssertIncremental(driver, compilation);
        return new GeneratorTestResult(output, outputDiagnostics, ours, files);
    }

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, OutputKind outputKind = OutputKind.ConsoleApplication)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, TestReferences.ParseOptions, path: "Source" + i + ".cs", encoding: Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText(UnrelatedBefore, TestReferences.ParseOptions, path: UnrelatedPath, encoding: Encoding.UTF8));
        return CSharpCompilation.Create(
            "TestApp",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new LambdaGenerator().AsSourceGenerator(), TestReferences.JsonGenerator.AsSourceGenerator() },
        parseOptions: TestReferences.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static bool IsGenerated(SyntaxTree? tree) =>
        tree is not null && tree.FilePath.Contains(nameof(LambdaGenerator), StringComparison.Ordinal);

    private static string Describe(Diagnostic d) =>
        d.ToString() + (d.Location.SourceTree is { } tree ? "\n    > " + tree.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() : "");

    private static void AssertNoForbiddenObjects(GeneratorRunResult run)
    {
        var problems = new List<string>();
        // Roslyn's own internal steps (ForAttributeWithMetadataName plumbing) hold trees by design; ours must not.
        foreach (var (name, steps) in run.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)))
        {
            for (var i = 0; i < steps.Length; i++)
            {
                foreach (var (value, _) in steps[i].Outputs)
                {
                    problems.AddRange(ForbiddenTypeWalker.Find(value, name + "[" + i + "]"));
                }
            }
        }

        // Attribute-driven steps have no entries when nothing carries the attribute; these always run.
        var missing = new[] { TrackingNames.App, TrackingNames.OutputKind, TrackingNames.OwnEntryPoint, TrackingNames.Model }
            .Where(n => !run.TrackedSteps.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "Steps not tracked: " + string.Join(", ", missing));
        Assert.True(problems.Count == 0, "Step outputs hold compilation objects:\n" + string.Join("\n", problems));
    }

    private static void AssertIncremental(GeneratorDriver driver, CSharpCompilation compilation)
    {
        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == UnrelatedPath);
        var edited = compilation.Clone().ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(UnrelatedAfter, TestReferences.ParseOptions, path: UnrelatedPath, encoding: Encoding.UTF8));
        var second = driver.RunGenerators(edited).GetRunResult().Results[0];

        var problems = new List<string>();
        foreach (var name in TrackedSteps)
        {
            if (!second.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue; // e.g. no [LambdaFunction] at all: the FAWMN step has no entries
            }

            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        problems.Add(name + ": " + reason + " (" + value + ")");
                    }
                }
            }
        }

        foreach (var (value, reason) in second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            {
                problems.Add("output: " + reason + " (" + value + ")");
            }
        }

        Assert.True(problems.Count == 0, "The second run after an unrelated edit was not all Cached/Unchanged:\n" + string.Join("\n", problems));
        Assert.True(second.TrackedSteps.ContainsKey(TrackingNames.Model), "the Model step was not tracked");
    }

    private static void CompareBaselines(string testName, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(TestReferences.ProjectDirectory, "Baselines", testName);
        var update = Environment.GetEnvironmentVariable(UpdateBaselinesVariable) == "1";
        var expectedFiles = files.Keys.Select(k => k + ".txt").ToHashSet(StringComparer.Ordinal);
        var existing = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/')).ToList()
            : new List<string>();

        if (update)
        {
            foreach (var stale in existing.Where(e => !expectedFiles.Contains(e)))
            {
                File.Delete(Path.Combine(directory, stale));
            }

            foreach (var (hint, text) in files)
            {
                var path = Path.Combine(directory, hint + ".txt");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path) || Normalize(File.ReadAllText(path)) != Normalize(text))
                {
                    File.WriteAllText(path, Normalize(text));
                }
            }

            return;
        }

        var problems = new List<string>();
        foreach (var stale in existing.Where(e => !expectedFiles.Contains(e)))
        {
            problems.Add("baseline " + stale + " was not generated");
        }

        foreach (var (hint, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, hint + ".txt");
            if (!File.Exists(path))
            {
                problems.Add("no baseline for " + hint + "; generated:\n" + text);
                continue;
            }

            var expected = Normalize(File.ReadAllText(path));
            var actual = Normalize(text);
            if (expected != actual)
            {
                problems.Add(hint + " differs from its baseline " + path + ":\n" + FirstDifference(expected, actual) + "\n--- generated ---\n" + actual);
            }
        }

        Assert.True(problems.Count == 0, "Baselines (set " + UpdateBaselinesVariable + "=1 to rewrite):\n" + string.Join("\n\n", problems));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return "line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }

        return "";
    }
}
