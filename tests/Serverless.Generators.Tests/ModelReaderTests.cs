using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>The model readers and cross checks report the right rule IDs at the right places, and never throw.</summary>
public sealed class ModelReaderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        """;

    private static (Compilation Compilation, Dictionary<string, FunctionReadResult> Functions) ReadFunctions(string source, OutputKind kind = OutputKind.ConsoleApplication)
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Usings + source }, kind);
        var results = new Dictionary<string, FunctionReadResult>(StringComparer.Ordinal);
        foreach (var method in AllMethods(compilation.Assembly.GlobalNamespace))
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "LambdaFunctionAttribute");
            if (attribute is not null)
            {
                results[method.ContainingType.Name + "." + method.Name] = FunctionReader.Read(method, attribute, CancellationToken.None);
            }
        }

        return (compilation, results);
    }

    private static IEnumerable<IMethodSymbol> AllMethods(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol method:
                    yield return method;
                    break;
                case INamespaceOrTypeSymbol nested:
                    foreach (var m in AllMethods(nested))
                    {
                        yield return m;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers().OfType<INamespaceOrTypeSymbol>())
        {
            if (member is INamedTypeSymbol type)
            {
                yield return type;
            }

            foreach (var t in AllTypes(member))
            {
                yield return t;
            }
        }
    }

    private static string Ids(FunctionReadResult result) => string.Join(",", result.Diagnostics.Select(d => d.Id));

    private static string TextAt(Compilation compilation, LocationInfo? location)
    {
        Assert.NotNull(location);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == location!.FilePath);
        return tree.GetText().ToString(location!.Span);
    }

    [Fact]
    public void LambdaEdgeAndLimitSettingsAreReadWithWhereTheyAreWritten()
    {
        var (compilation, f) = ReadFunctions("""
            [assembly: ServerlessApp("site", Timeout = 2000, MemorySize = 64)]

            public class Site<T>
            {
                [LambdaFunction(Timeout = 10, MemorySize = 256, EphemeralStorage = 100, Architecture = LambdaArchitecture.Arm64)]
                [LambdaEdge(EdgeEvent.ViewerRequest | EdgeEvent.OriginResponse)]
                [Serverless.Environment("KEY", "value")]
                public string Viewer(string request) => request;
            }
            """);
        var viewer = f["Site.Viewer"];
        Assert.Null(viewer.Spec);   // generic class: SLS1003, yet the settings are read
        Assert.Equal("SiteViewer", viewer.Name);
        Assert.Equal(EdgeEvents.ViewerRequest | EdgeEvents.OriginResponse, viewer.Settings!.EdgeEvents);
        Assert.Equal("10", TextAt(compilation, viewer.Locations.TimeoutArgument));
        Assert.Equal("256", TextAt(compilation, viewer.Locations.MemorySizeArgument));
        Assert.Equal("100", TextAt(compilation, viewer.Locations.EphemeralStorageArgument));
        Assert.Equal("LambdaArchitecture.Arm64", TextAt(compilation, viewer.Locations.ArchitectureArgument));
        Assert.Equal("LambdaEdge(EdgeEvent.ViewerRequest | EdgeEvent.OriginResponse)", TextAt(compilation, viewer.Locations.EdgeAttribute));
        var environment = Assert.Single(viewer.Locations.MethodEnvironment);
        Assert.Equal("KEY", environment.Key);
        Assert.Equal("Serverless.Environment(\"KEY\", \"value\")", TextAt(compilation, environment.Location));
        Assert.Equal(new[] { "viewer-request", "origin-response" }, viewer.Settings.EdgeEvents.EventTypeNames());
        Assert.Equal(5, viewer.Settings.EdgeEvents.MaxTimeoutSeconds());

        var app = AppReader.Read(compilation, CancellationToken.None);
        Assert.Equal("2000", TextAt(compilation, app.TimeoutArgument));
        Assert.Equal("64", TextAt(compilation, app.MemorySizeArgument));
        Assert.Equal(new[] { "SLS1100", "SLS1101" }, FunctionLimits.ValidateApp(app).Select(d => d.Id));
        Assert.Equal(new[] { "SLS1102", "SLS1110", "SLS1111", "SLS1112", "SLS1113" }, FunctionLimits.ValidateFunction(app, viewer).Select(d => d.Id).OrderBy(x => x));

        // Equatable: reading twice gives equal settings, and the resolved settings keep the events.
        var again = ReadFunctions("""
            public class Site<T>
            {
                [LambdaFunction(Timeout = 10, MemorySize = 256, EphemeralStorage = 100, Architecture = LambdaArchitecture.Arm64)]
                [LambdaEdge(EdgeEvent.ViewerRequest | EdgeEvent.OriginResponse)]
                [Serverless.Environment("KEY", "value")]
                public string Viewer(string request) => request;
            }
            """).Functions["Site.Viewer"];
        Assert.Equal(viewer.Settings, again.Settings);
        Assert.NotEqual(viewer.Settings, viewer.Settings with { EdgeEvents = EdgeEvents.None });
        Assert.Equal(viewer.Settings.EdgeEvents, FunctionSettings.Resolve(viewer.Settings, app.Spec).EdgeEvents);
    }

    [Fact]
    public void RdsProxyIsReadOnceAndResolvedMethodOverClassOverAssembly()
    {
        var (compilation, f) = ReadFunctions("""
            [assembly: RdsProxy("app-proxy")]

            [RdsProxy("outer-proxy", EndpointVariable = "OUTER_DB")]
            public static class Outer
            {
                public static class Inner
                {
                    [LambdaFunction] public static void FromOuterClass() { }
                }

                [LambdaFunction, RdsProxy("own-proxy", EndpointVariable = "")] public static void Own() { }
            }

            public static class Plain
            {
                [LambdaFunction] public static void FromAssembly() { }
                [LambdaFunction, RdsProxy(null!)] public static void Malformed() { }
            }
            """);
        var app = AppReader.Read(compilation, CancellationToken.None).Spec;
        Assert.Equal(new RdsProxySpec("app-proxy", "RDS_PROXY_ENDPOINT"), app.RdsProxy);

        Assert.Equal(new RdsProxySpec("outer-proxy", "OUTER_DB"), f["Inner.FromOuterClass"].Settings!.RdsProxy);
        Assert.Equal(new RdsProxySpec("own-proxy", "RDS_PROXY_ENDPOINT"), f["Outer.Own"].Settings!.RdsProxy);   // empty variable: the default
        Assert.Null(f["Plain.FromAssembly"].Settings!.RdsProxy);   // declared: none; resolved: the assembly's
        Assert.Null(f["Plain.Malformed"].Settings!.RdsProxy);

        var resolved = FunctionSettings.Resolve(f["Plain.FromAssembly"].Settings!, app);
        Assert.Equal(new RdsProxySpec("app-proxy", "RDS_PROXY_ENDPOINT"), resolved.RdsProxy);
        Assert.Equal(new RdsProxySpec("outer-proxy", "OUTER_DB"), FunctionSettings.Resolve(f["Inner.FromOuterClass"].Settings!, app).RdsProxy);
        Assert.Equal(new RdsProxySpec("app-proxy", "RDS_PROXY_ENDPOINT"), RdsProxyReader.Resolve(null, app));

        // The product's variable: counted in the 4 KB and deployed; none for Lambda@Edge.
        var product = Assert.Single(EnvironmentModel.ProductVariables(resolved));
        Assert.Equal("RDS_PROXY_ENDPOINT", product.Key);
        Assert.Equal("app-proxy.proxy-xxxxxxxxxxxx.xx-xxxxxxxxx-x.rds.amazonaws.com", product.Value);
        Assert.Contains(product, EnvironmentModel.Deployed(resolved));
        Assert.Empty(EnvironmentModel.ProductVariables(resolved with { EdgeEvents = EdgeEvents.ViewerRequest }));

        // Value-equal across compilations, and part of the settings' equality.
        var again = ReadFunctions("""
            [RdsProxy("outer-proxy", EndpointVariable = "OUTER_DB")]
            public static class Outer { public static class Inner { [LambdaFunction] public static void FromOuterClass() { } } }
            """).Functions["Inner.FromOuterClass"];
        Assert.Equal(f["Inner.FromOuterClass"].Settings, again.Settings);
        Assert.NotEqual(again.Settings, again.Settings! with { RdsProxy = null });
    }

    [Fact]
    public void FunctionLevelRules()
    {
        var (compilation, f) = ReadFunctions("""
            public abstract class Abstract { [LambdaFunction] public void Handle() { } }
            public class NoPublicCtor { private NoPublicCtor() { } [LambdaFunction] public void Handle() { } }
            public class TwoCtors { public TwoCtors() { } public TwoCtors(int x) { } [LambdaFunction] public void Handle() { } }
            public struct Value { [LambdaFunction] public void Handle() { } }
            public static class Bad
            {
                [LambdaFunction] public static void TwoEvents(string first, Stream second) { }
                [LambdaFunction] public static void ByRef(ref int a) { }
                [LambdaFunction] public static void Out(out int a) { a = 0; }
                [LambdaFunction] public static void In(in int a) { }
                [LambdaFunction] public static void Span(Span<byte> a) { }
                [LambdaFunction] public static unsafe void Pointer(int* a) { }
                [LambdaFunction] public static void Generic<T>(T value) { }
                [LambdaFunction] private static void Hidden() { }
                [LambdaFunction] public static async void AsyncVoid() { await Task.Yield(); }
                [LambdaFunction] public static async IAsyncEnumerable<int> AsyncStream() { await Task.Yield(); yield return 1; }
                [LambdaFunction] public static ReadOnlySpan<byte> SpanReturn() => default;
                [LambdaFunction] public static System.Runtime.CompilerServices.YieldAwaitable Awaitable() => Task.Yield();
                [LambdaFunction(Name = "not-valid")] public static void BadName() { }
                [LambdaFunction(Name = "")] public static void EmptyName() { }
                [LambdaFunction(Name = "A123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")] public static void LongName() { }
                [LambdaFunction] public static void Good(Stream input, ILambdaContext context, CancellationToken ct, [FromServices] IServiceProvider sp) { }
            }
            public static class Generic<T> { [LambdaFunction] public static void Handle() { } }
            internal static class Container { private static class Private { [LambdaFunction] public static void Handle() { } } }
            """);

        Assert.Equal("SLS1017", Ids(f["Abstract.Handle"]));
        Assert.Equal("SLS1017", Ids(f["NoPublicCtor.Handle"]));
        Assert.Equal("SLS1017", Ids(f["TwoCtors.Handle"]));
        Assert.Equal("SLS1017", Ids(f["Value.Handle"]));
        Assert.Equal("SLS1001", Ids(f["Bad.TwoEvents"]));
        Assert.Equal("second", TextAt(compilation, f["Bad.TwoEvents"].Diagnostics[0].Location));
        Assert.Equal("SLS1002", Ids(f["Bad.ByRef"]));
        Assert.Equal("a", TextAt(compilation, f["Bad.ByRef"].Diagnostics[0].Location));
        Assert.Equal("SLS1002", Ids(f["Bad.Out"]));
        Assert.Equal("SLS1002", Ids(f["Bad.In"]));
        Assert.Equal("SLS1002", Ids(f["Bad.Span"]));
        Assert.Equal("SLS1002", Ids(f["Bad.Pointer"]));
        Assert.Equal("SLS1003", Ids(f["Bad.Generic"]));
        Assert.Equal("SLS1003", Ids(f["Generic.Handle"]));
        Assert.Equal("SLS1004", Ids(f["Bad.Hidden"]));
        Assert.Equal("Hidden", TextAt(compilation, f["Bad.Hidden"].Diagnostics[0].Location));
        Assert.Equal("SLS1004", Ids(f["Private.Handle"]));
        Assert.Equal("SLS1005", Ids(f["Bad.AsyncVoid"]));
        Assert.Equal("SLS1005", Ids(f["Bad.AsyncStream"]));
        Assert.Equal("SLS1005", Ids(f["Bad.SpanReturn"]));
        Assert.Equal("SLS1005", Ids(f["Bad.Awaitable"]));
        Assert.Equal("SLS1007", Ids(f["Bad.BadName"]));
        Assert.Equal("\"not-valid\"", TextAt(compilation, f["Bad.BadName"].Diagnostics[0].Location));
        Assert.Equal("SLS1007", Ids(f["Bad.EmptyName"]));
        Assert.Equal("SLS1008", Ids(f["Bad.LongName"]));

        foreach (var (name, result) in f)
        {
            Assert.True((result.Spec is null) == result.Diagnostics.Any(), name + ": a spec exactly when there is no error");
        }

        var good = f["Bad.Good"].Spec!;
        Assert.Equal("BadGood", good.Name);
        Assert.Equal("Bad.Good", good.MethodDisplayName);
        Assert.Equal(
            new[] { ParameterKind.Stream, ParameterKind.LambdaContext, ParameterKind.CancellationToken, ParameterKind.Service },
            good.Parameters.Select(p => p.Kind));
        Assert.True(good.NeedsServices);
    }

    [Fact]
    public void SpecsAreValueEqualAcrossCompilations()
    {
        const string source = """
            namespace App
            {
                public sealed class Order { }
                [Serverless.Environment("A", "1")]
                public sealed class Api(IServiceProvider sp)
                {
                    [LambdaFunction(MemorySize = 256, Policies = new[] { "p" })]
                    [Serverless.Environment("B", "2")]
                    public Task<Order?> Handle(Order order, CancellationToken ct) => Task.FromResult<Order?>(order);
                }
            }
            """;
        var first = ReadFunctions(source).Functions["Api.Handle"].Spec;
        var second = ReadFunctions(source).Functions["Api.Handle"].Spec;
        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(first!.GetHashCode(), second!.GetHashCode());
        Assert.Equal(ReturnKind.TaskOfT, first.Return.Kind);
        Assert.Equal(ResultKind.Json, first.Return.Result);
        Assert.True(first.Return.IsNullable);
        Assert.Equal("global::App.Order", first.Return.ResultType!.FullyQualifiedName);
        Assert.Equal(new[] { "global::App.Order", "global::App.Order" }, first.JsonTypes.Select(t => t.FullyQualifiedName));
        Assert.Equal(new[] { new KeyValue("A", "1"), new KeyValue("B", "2") }, first.Settings.Environment);
        Assert.Equal(256, first.Settings.MemorySize);
    }

    private static ImmutableArray<ModelDiagnostic> Validate(string source, OutputKind kind = OutputKind.ConsoleApplication)
    {
        var (compilation, functions) = ReadFunctions(source, kind);
        var types = AllTypes(compilation.Assembly.GlobalNamespace).ToList();
        var startups = types.Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "LambdaStartupAttribute"))
            .Select(t => StartupReader.Read(t, CancellationToken.None)).ToList();
        var contexts = types.Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonSerializableAttribute"))
            .Select(t => JsonContextReader.Read(t, CancellationToken.None)).ToList();
        var app = AppReader.Read(compilation, CancellationToken.None);
        var project = ProjectFactsReader.Read(compilation, CancellationToken.None);
        return startups.SelectMany(s => s.Diagnostics)
            .Concat(AppModel.Validate(app, functions.Values.ToList(), startups, contexts, project, CancellationToken.None))
            .ToImmutableArray();
    }

    private static string Ids(ImmutableArray<ModelDiagnostic> diagnostics) =>
        string.Join(",", diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));

    [Fact]
    public void DuplicateNames()
    {
        var diagnostics = Validate("""
            public static class A { [LambdaFunction(Name = "Same")] public static void One() { } }
            public static class B { [LambdaFunction(Name = "Same")] public static void Two() { } [LambdaFunction(Name = "Same")] public static void Three() { } }
            """);
        Assert.Equal("SLS1006,SLS1006", Ids(diagnostics));
        Assert.All(diagnostics, d => Assert.Single(d.AdditionalLocations));
    }

    [Fact]
    public void ProjectShape()
    {
        Assert.Equal("SLS1009,SLS1009", Ids(Validate("""
            public static class A { [LambdaFunction] public static void One() { } [LambdaFunction] public static void Two() { } }
            """, OutputKind.DynamicallyLinkedLibrary)));
        Assert.Equal("SLS1010", Ids(Validate("""
            public static class Program { public static void Main() { } }
            public static class A { [LambdaFunction] public static void One() { } [LambdaFunction] public static void Two() { } }
            """)));
        Assert.Equal("", Ids(Validate("""
            namespace Serverless.Generated { internal static class LambdaEntryPoint { public static void Main() { } } }
            public static class A { [LambdaFunction] public static void One() { } }
            """)));
    }

    [Fact]
    public void Startup()
    {
        Assert.Equal("SLS1011,SLS1011", Ids(Validate("""
            public interface IStore { }
            public sealed class A(IStore store) { [LambdaFunction] public void One([FromServices] IStore again) { } }
            """)));
        Assert.Equal("", Ids(Validate("""
            public interface IStore { }
            [LambdaStartup] public sealed class S { public void ConfigureServices(IServiceCollection services) { } }
            public sealed class A(IStore store) { [LambdaFunction] public void One([FromServices] IStore again) { } }
            """)));
        Assert.Equal("SLS1012,SLS1012", Ids(Validate("""
            [LambdaStartup] public sealed class S1 { public void ConfigureServices(IServiceCollection services) { } }
            [LambdaStartup] public sealed class S2 { public void ConfigureServices(IServiceCollection services) { } }
            [LambdaStartup] public sealed class S3 { public static void ConfigureServices(IServiceCollection services) { } }
            public static class A { [LambdaFunction] public static void One() { } }
            """)));
        Assert.Equal("SLS1012,SLS1012,SLS1013,SLS1013,SLS1013", Ids(Validate("""
            [LambdaStartup] public sealed class NoMethod { }
            [LambdaStartup] public sealed class NoCtor { private NoCtor() { } public void ConfigureServices(IServiceCollection services) { } }
            [LambdaStartup] public sealed class WrongParam { public void ConfigureServices(string services) { } }
            public static class A { [LambdaFunction] public static void One() { } }
            """)));
    }

    [Fact]
    public void JsonContexts()
    {
        const string types = """
            public sealed class Order { }
            public sealed class Receipt { }

            """;
        var missing = Validate(types + """
            [JsonSerializable(typeof(Order))] public partial class AppJson : JsonSerializerContext { }
            public static class A { [LambdaFunction] public static Receipt One(Order order) => new(); }
            """);
        Assert.Equal("SLS1014", Ids(missing));
        Assert.Contains(missing[0].Properties, p => p.Key == "Type" && p.Value == "global::Receipt");
        Assert.Contains(missing[0].Properties, p => p.Key == "ContextType" && p.Value == "global::AppJson");

        Assert.Equal("SLS1015,SLS1015", Ids(Validate(types + """
            public static class A { [LambdaFunction] public static Receipt One(Order order) => new(); [LambdaFunction] public static string Raw(string s) => s; }
            """).Where(d => d.Id != "SLS1015" || d.MessageArgs[1] != "string").ToImmutableArray()));

        Assert.Equal("SLS1016,SLS1016", Ids(Validate(types + """
            [JsonSerializable(typeof(Order))] public partial class J1 : JsonSerializerContext { }
            [JsonSerializable(typeof(Order))] public partial class J2 : JsonSerializerContext { }
            public static class A { [LambdaFunction] public static void One(Order order) { } }
            """)));

        Assert.Equal("SLS1016", Ids(Validate("[assembly: ServerlessApp(\"x\", JsonContext = typeof(NotAContext))]\n" + types + """
            public sealed class NotAContext { }
            public static class A { [LambdaFunction] public static void One(Order order) { } }
            """)));

        Assert.Equal("", Ids(Validate("[assembly: ServerlessApp(\"x\", JsonContext = typeof(J2))]\n" + types + """
            [JsonSerializable(typeof(Order))] public partial class J1 : JsonSerializerContext { }
            [JsonSerializable(typeof(Order))] [JsonSerializable(typeof(Receipt))] public partial class J2 : JsonSerializerContext { }
            public static class A { [LambdaFunction] public static Receipt One(Order order) => new(); }
            """)));
    }

    [Fact]
    public void TypeInfoPropertyNamesFollowSystemTextJson()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Usings + """
            public sealed class Order { }
            public sealed class Outer<T> { public sealed class Inner<U> { } }
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(List<Order>))]
            [JsonSerializable(typeof(Order[]))]
            [JsonSerializable(typeof(int[,]))]
            [JsonSerializable(typeof(int?))]
            [JsonSerializable(typeof(Dictionary<string, List<int>>))]
            [JsonSerializable(typeof(Outer<int>.Inner<string>))]
            [JsonSerializable(typeof(string), TypeInfoPropertyName = "Text")]
            public partial class AppJson : JsonSerializerContext { }
            """ });
        var spec = JsonContextReader.Read(compilation.GetTypeByMetadataName("AppJson")!, CancellationToken.None).Spec;
        Assert.True(spec.IsSerializerContext);
        Assert.Equal(
            new[] { "Order", "ListOrder", "OrderArray", "Int32Array2D", "NullableInt32", "DictionaryStringListInt32", "InnerInt32String", "Text" },
            spec.Types.Select(t => t.PropertyName));
        Assert.Equal("int?", spec.Types[4].FullyQualifiedName);
    }

    [Fact]
    public void HalfTypedCodeNeverThrows()
    {
        var sources = new[]
        {
            "public static class H { [LambdaFunction(MemorySize = )] public static void A() { } }",
            "public static class H { [LambdaFunction(Name = Missing.Value, Timeout = \"x\")] public static void A() { } }",
            "public static class H { [LambdaFunction] public static Unknown A(Missing m) => default; }",
            "public class H(Unknown u) { [LambdaFunction] public void A() { } }",
            "public static class H { [LambdaFunction] public static void A(string a, }",
            "[assembly: ServerlessApp(JsonContext = typeof(Missing), Tags = new[] { \"x\", null })] public static class H { [LambdaFunction] public static void A() { } }",
            "[LambdaStartup] public class S : Missing { public void ConfigureServices(Missing s) { } } public class H(Dep d) { [LambdaFunction] public void A([FromServices] Missing m) { } }",
            "[JsonSerializable(typeof(Missing))] [JsonSerializable] public partial class Ctx : Missing; public static class H { [LambdaFunction] public static List<Missing> A(int x) => null!; }",
        };
        foreach (var source in sources)
        {
            var diagnostics = Validate(source);
            Assert.DoesNotContain(diagnostics, d => d.Id == "SLS9001");
        }
    }

    [Fact]
    public void AwsLimitsTableHasEveryRowWithADocLink()
    {
        Assert.Equal(22, AwsLimits.All.Length);
        Assert.All(AwsLimits.All, l => Assert.StartsWith("https://docs.aws.amazon.com/", l.DocUrl));
        Assert.Equal(AwsLimits.All.Length, AwsLimits.All.Select(l => l.Id).Distinct().Count());
        Assert.True(AwsLimits.Timeout.IsWithin(900));
        Assert.False(AwsLimits.Timeout.IsWithin(901));
        Assert.False(AwsLimits.Memory.IsWithin(127));
    }

    [Fact]
    public void ModelDiagnosticMapsBackToTheCompilation()
    {
        var (compilation, f) = ReadFunctions("public static class Bad { [LambdaFunction] public static void TwoEvents(string a, string b) { } }");
        var diagnostic = f["Bad.TwoEvents"].Diagnostics.Single().ToDiagnostic(compilation);
        Assert.Equal("SLS1001", diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal("b", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'a' and 'b'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
