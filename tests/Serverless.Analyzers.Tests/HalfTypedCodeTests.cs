using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

/// <summary>
/// What an IDE sees while the user types: every analyzer of the suite runs over broken code and must neither throw
/// (AD0001) nor report an internal error (SLS9001).
/// </summary>
public class HalfTypedCodeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        """;

    public static TheoryData<string, string> Snippets => new()
    {
        { "missing named argument", "public class C { [LambdaFunction(Name = )] public void A() { } }" },
        { "missing positional argument", "[assembly: ServerlessApp()] public class C { [LambdaFunction] public void A() { } }" },
        { "non-constant name", "public class C { static string N() => \"x\"; [LambdaFunction(Name = N())] public void A() { } }" },
        { "wrong argument types", "public class C { [LambdaFunction(Name = 42, MemorySize = \"big\", Timeout = null, Policies = \"p\", Architecture = 7)] public void A() { } }" },
        { "unknown named argument", "public class C { [LambdaFunction(Nope = 1, Name = \"A\")] public void A() { } }" },
        { "unterminated attribute", "public class C { [LambdaFunction(Name = \"A\" public void A() { } }" },
        { "missing method name", "public class C { [LambdaFunction] public void (int x) { } }" },
        { "missing return type and body", "public class C { [LambdaFunction] public A(" },
        { "unresolved types", "public class C : Missing { [LambdaFunction] public Missing A(Unknown x, [FromServices] Nope y) => null; }" },
        { "unresolved generic types", "public class C(Missing<int> m) { [LambdaFunction] public Task<Missing> A(List<Missing> x) => null!; }" },
        { "unresolved task-like", "public class C { [LambdaFunction] public async Missing A() { } }" },
        { "error type in attribute", "public class C { [LambdaFunction, Missing(typeof(Nope))] public void A() { } }" },
        { "duplicate attribute", "public class C { [LambdaFunction] [LambdaFunction(Name = \"B\")] public void A() { } }" },
        { "attribute on constructor", "public class C { [LambdaFunction] public C() { } }" },
        { "attribute on operator", "public class C { [LambdaFunction] public static C operator +(C a, C b) => a; }" },
        { "attribute on accessor", "public class C { public int P { [LambdaFunction] get; set; } }" },
        { "attribute on local function", "public class C { public void M() { [LambdaFunction] void Local() { } Local(); } }" },
        { "attribute on lambda", "public class C { public void M() { var f = [LambdaFunction] (int x) => x; } }" },
        { "attribute in top-level statements", "[LambdaFunction] static void Local() { } Local();" },
        { "interface, struct and record", "public interface I { [LambdaFunction] void A(); } public struct S { [LambdaFunction] public void A() { } } public record R(int X) { [LambdaFunction] public int A() => X; }" },
        { "partial method without body", "public partial class C { [LambdaFunction] public partial void A(); }" },
        { "extension, params, arglist", "public static class C { [LambdaFunction] public static void A(this string s, params int[] xs) { } [LambdaFunction] public static void B(__arglist) { } }" },
        { "odd default values", "public class C { [LambdaFunction] public void A(Missing x = default, int y = \"s\", DateTime z = null) { } }" },
        { "recursive generic constraint", "public class A<T> where T : A<T> { [LambdaFunction] public static void Run() { } }" },
        { "file-local and nested generic", "file class F { [LambdaFunction] public static void X() { } } public class O<T> { public class I { [LambdaFunction] public T Y(T t) => t; } }" },
        { "static class instance method", "public static class C { [LambdaFunction] public void A() { } }" },
        { "abstract and extern handler", "public abstract class C { [LambdaFunction] public abstract void A(); [LambdaFunction] public static extern void B(); }" },
        { "startup oddities", "[LambdaStartup] public class S : Missing { public void ConfigureServices(Missing s) { } } [LambdaStartup] public static class T { } [LambdaStartup] public class U<X> { public void ConfigureServices(IServiceCollection s) { } }" },
        { "startup without anything", "[LambdaStartup(1)] public class S { private S() { } public static int ConfigureServices; } public class C(IServiceProvider p) { [LambdaFunction] public void A() { } }" },
        { "json context oddities", "[JsonSerializable(typeof(Missing))] [JsonSerializable()] [JsonSerializable(null)] [JsonSerializable(typeof(List<>))] public partial class Ctx : JsonSerializerContext; public class C { [LambdaFunction] public Missing A(Other o) => null; }" },
        { "json context not a context", "[assembly: ServerlessApp(\"app\", JsonContext = typeof(Missing))] public class C { [LambdaFunction] public int A(int o) => o; }" },
        { "class function without a body", "[LambdaFunction(Name = )] public class C" },
        { "class function with broken routes", "[LambdaFunction] public partial class C(Missing m) { [HttpApi(HttpVerb.Get, )] public Missing A(Unknown u) => null; [HttpApi(] public void B( } public partial class C { [RestApi(HttpVerb.Nope, \"/x/{id}\")] private void D(int id) { } }" },
        { "class function generic, static or nested oddities", "public class O<T> { [LambdaFunction] public class I { [HttpApi(HttpVerb.Get, \"/i\")] public T Y() => default!; } } [LambdaFunction] public static class S { [HttpApi(HttpVerb.Get, \"/s\")] public void Z() { } [LambdaFunction] [HttpApi(HttpVerb.Get, \"/s\")] public static void W() { } }" },
        { "class function on record and interface", "[LambdaFunction] public record R(int X) { [HttpApi(HttpVerb.Get, \"/r\")] public int A() => X; } [LambdaFunction] public interface I { [HttpApi(HttpVerb.Get, \"/i\")] int A(); } [LambdaFunction] public struct St { [HttpApi(HttpVerb.Get, \"/st\")] public int A() => 1; }" },
        { "json context typeof open generic", "[assembly: ServerlessApp(\"app\", JsonContext = typeof(List<>), Tags = new[] { null, \"a=b\", 1 })] public class C { [LambdaFunction] public int A(int o) => o; }" },
        { "json context deriving from missing", "public partial class Ctx : Missing.JsonSerializerContext { } public class C { [LambdaFunction] public int A(int o) => o; }" },
        { "environment oddities", "[assembly: Serverless.Environment(\"A\")] [assembly: Serverless.Environment(null, null)] public class C { [Serverless.Environment(\"K\", 1)] [LambdaFunction] public void A() { } }" },
        { "environment references half-typed", "[assembly: Serverless.Environment(\"A\", FromParameter = )] public class C { [Serverless.Environment(\"K\", FromSecret = 1)] [Serverless.Environment(\"L\", FromSecret = N())] [Serverless.Environment(\"M\", FromNothing = \"x\")] [Serverless.Environment(\"P\", \"v\", FromParameter = \"/p\", FromSecret = null)] [Serverless.Environment(key: , value: \"x\")] [Serverless.Environment(\"Q\", FromParameter = \"/p\"] [LambdaFunction] public void A() { } static string N() => \"x\"; }" },
        { "environment secrets and sizes", "[assembly: Serverless.Environment(\"DB_PASSWORD\", \"x\" + 1)] [Serverless.Environment(\"TOKEN\", value: null)] public partial class C { [Serverless.Environment(\"API_KEY\", \"abc\" + \"def\")] [LambdaFunction(Name = \"\")] public void A() { } } public partial class C { [Serverless.Environment(\"BIG\", Missing.Value)] [LambdaFunction] public void B<T>() { } }" },
        { "pointer and function pointer", "public unsafe class C { [LambdaFunction] public int* A(delegate*<void> f) => null; }" },
        { "ref returns", "public class C { int _x; [LambdaFunction] public ref int A() => ref _x; [LambdaFunction] public ref readonly int B() => ref _x; }" },
        { "tuple and dynamic", "public class C { [LambdaFunction] public (int, string) A((int a, Missing b) t) => default; [LambdaFunction] public dynamic B(dynamic d) => d; }" },
        { "limit settings half typed", "[assembly: ServerlessApp(\"app\", Timeout = N.X, MemorySize = \"big\")] public class C { [LambdaFunction(Timeout = , MemorySize = 1e9, EphemeralStorage = Missing)] public void A() { } [LambdaFunction(Timeout = int.MaxValue + 1)] public void B() { } }" },
        { "lambda edge oddities", "public class C { [LambdaFunction(Timeout = 60)] [LambdaEdge] public void A() { } [LambdaFunction] [LambdaEdge(Missing.X)] public void B() { } [LambdaFunction] [LambdaEdge(\"viewer\", 2)] public void D() { } [LambdaEdge(EdgeEvent.ViewerRequest)] [LambdaEdge((EdgeEvent)(-1))] [LambdaFunction(Architecture = (LambdaArchitecture)9)] [Serverless.Environment(null, \"v\")] public void E() { } }" },
        { "lambda edge on odd targets", "public class C { [LambdaEdge(EdgeEvent.ViewerRequest)] public int P { [LambdaFunction] [LambdaEdge(EdgeEvent.OriginRequest)] get; set; } public void M() { [LambdaFunction] [LambdaEdge(EdgeEvent.ViewerRequest)] void Local() { } Local(); } }" },
        { "http route missing argument", "public class C { [LambdaFunction] [HttpApi(HttpVerb.Get, )] public void A(int id) { } [LambdaFunction] [RestApi()] public void B() { } [LambdaFunction] [HttpApi(HttpVerb.Get] public void D() { } }" },
        { "http route non-constant", "public class C { static string R() => \"/x\"; [LambdaFunction] [HttpApi(HttpVerb.Get, R())] public void A() { } [LambdaFunction] [HttpApi(Missing.Get, \"/b/{id}\")] public void B(Missing id) { } }" },
        { "http route wrong argument types", "public class C { [LambdaFunction] [HttpApi(\"GET\", 42)] public void A() { } [LambdaFunction] [HttpApi((HttpVerb)99, null)] [HttpApi(HttpVerb.Get, \"/a/{\")] [RestApi(HttpVerb.Post, \"/a/{x+}/{y}\", Nope = 1)] public void B(int x) { } }" },
        { "http parameters half typed", "public class C { [LambdaFunction] [HttpApi(HttpVerb.Get, \"/o/{id}/{ }\")] public void A([FromRoute(null)] int id, [FromQuery(Name = )] Missing q, [FromHeader(1)] string h, [FromBody] [FromBody] List<Missing> b, [FromRoute] int[] all, int?[] n = null, ref int r) { } }" },
        { "http routes duplicated and odd targets", "public class C { [LambdaFunction] [HttpApi(HttpVerb.Get, \"/a\")] [HttpApi(HttpVerb.Get, \"/a\")] public void A() { } [LambdaFunction] [HttpApi(HttpVerb.Get, \"/a\")] public void B<T>(T t) { } public int P { [LambdaFunction] [HttpApi(HttpVerb.Get, \"/p\")] get; set; } public void M() { [LambdaFunction] [HttpApi(HttpVerb.Get, \"/l\")] void L() { } L(); } }" },
        { "http typed range half typed", "public record B([property: System.ComponentModel.DataAnnotations.Range(typeof(decimal), \"0.01\")] decimal P, [property: System.ComponentModel.DataAnnotations.Range(typeof(Missing), \"1\", \"2\")] int Q, [property: System.ComponentModel.DataAnnotations.Range(typeof(List<>), null, \"x\")] DateTime R); public class C { static string N() => \"1\"; [LambdaFunction] [HttpApi(HttpVerb.Post, \"/r/{a}\")] public void A([System.ComponentModel.DataAnnotations.Range(typeof(int), N(), \"5\")] int a, [System.ComponentModel.DataAnnotations.Range(typeof(decimal), 1, 2.5)] decimal b, [System.ComponentModel.DataAnnotations.Range(typeof(DateOnly), \"2024-02-30\", \"\")] DateOnly c, [System.ComponentModel.DataAnnotations.Range(typeof(), \"1\", \"2\")] long d, [System.ComponentModel.DataAnnotations.Range(null, \"1\", \"2\")] long e, [System.ComponentModel.DataAnnotations.Range(typeof(TimeOnly), \"25:00\", \"-1\")] TimeOnly f, [System.ComponentModel.DataAnnotations.Range(typeof(sbyte), \"-129\", \"1e2\")] sbyte g, [FromBody] B body) { } }" },
        { "http range bounds while typing", "public class B { [System.ComponentModel.DataAnnotations.Range(typeof(int), \"1\", )] public int P { get; set; } [System.ComponentModel.DataAnnotations.Range(10, 1, MinimumIsExclusive = )] public int Q { get; set; } [System.ComponentModel.DataAnnotations.Range(typeof(int), \"9\", \"1\"] public int R { get; set; } } [LambdaFunction] public class C { [HttpApi(HttpVerb.Post, \"/b\")] public void A(B b, [System.ComponentModel.DataAnnotations.Range(typeof(DateOnly), \"2024-12-31\", \"2024-01-01\", MaximumIsExclusive = true)] DateOnly d) { } [HttpApi(HttpVerb.Put, \"/b\")] public void P(B b, [System.ComponentModel.DataAnnotations.Range(typeof(int), \"1\", )] int x, [System.ComponentModel.DataAnnotations.Range(] int y) { } }" },
        { "http TryParse shapes half typed", "public class T1 { public static bool TryParse(string s, out Missing m) { m = null; return true; } } public class T2 { public static bool TryParse(Missing s, out T2 t) { t = null; return true; } } public class T3 { public static bool TryParse(string s, Missing p, out T3 t) { t = null; return true; } } public class T4 { public static bool TryParse(string s, out T4 t) } public class T5 { public static Missing TryParse(string s, out T5 t) => null; } public class T6 { public static bool TryParse(string s, IFormatProvider p, out T6 t, int extra) { t = null; return true; } public static bool TryParse = true; } public class C { [LambdaFunction] [HttpApi(HttpVerb.Get, \"/t/{a}\")] public void A(T1 a, [FromQuery] T2 b, [FromQuery] T3? c, [FromHeader] T4[] d, [FromQuery] T5 e, [FromQuery] List<T6> f) { } }" },
        { "http responses half typed", "public partial class Ctx : JsonSerializerContext; public class C { static int S() => 201; [LambdaFunction] [HttpApi(HttpVerb.Post, \"/r\")] [HttpResponse()] [HttpResponse(S())] [HttpResponse(201, typeof(Missing))] [HttpResponse(202, null)] [HttpResponse(\"x\", typeof(int))] [HttpResponse(203, typeof(List<>), ContentType = )] [HttpResponse(204, typeof(void), Description = 1)] [HttpResponse(409, typeof(Missing<int>[]), ContentType = null)] [HttpResponse(int.MaxValue)] [HttpResponse(200, typeof(int), ContentType = \";\")] [HttpResponse(200, typeof(int), ContentType = \";\")] [HttpResponse(410] public Missing A() => null; [HttpResponse(200)] public int NotAFunction() => 0; }" },
        { "nothing but garbage", "[LambdaFunction] [[ public class { ) " },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task NoAnalyzerFailsOnHalfTypedCode(string description, string snippet)
    {
        var analyzers = typeof(ServerlessAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.True(analyzers.Length >= 5);

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(Usings + snippet, parseOptions, path: "/0/Test0.cs"),
            CSharpSyntaxTree.ParseText(TestSources.GeneratedEntryPoint, parseOptions, path: TestSources.GeneratedEntryPointPath),
        };

        foreach (var kind in new[] { OutputKind.ConsoleApplication, OutputKind.DynamicallyLinkedLibrary })
        {
            var compilation = CSharpCompilation.Create(
                "HalfTyped",
                trees,
                TestReferences.All,
                new CSharpCompilationOptions(kind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var internalErrors = diagnostics.Where(d => d.Id == RuleIdentifiers.InternalError).Select(d => d.ToString()).ToList();
            Assert.True(internalErrors.Count == 0, description + " (" + kind + "): " + string.Join(Environment.NewLine, internalErrors));
        }
    }
}
