using Microsoft.CodeAnalysis;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>Every supported handler form, checked against baselines, compiled, and re-run for incrementality.</summary>
public sealed class GeneratorTests
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

    private const string OrderTypes = """
        namespace App
        {
            public sealed class Order { public string Id { get; set; } = ""; public int Quantity { get; set; } }
            public sealed class Receipt { public string OrderId { get; set; } = ""; }
        }

        """;

    [Fact]
    public void EventKinds()
    {
        var result = GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                [JsonSerializable(typeof(Order))]
                public partial class AppJson : JsonSerializerContext;

                public static class Events
                {
                    [LambdaFunction] public static void FromStream(Stream input) { }
                    [LambdaFunction] public static void FromString(string input) { }
                    [LambdaFunction] public static void FromBytes(byte[] input) { }
                    [LambdaFunction] public static void FromMemory(ReadOnlyMemory<byte> input) { }
                    [LambdaFunction] public static void FromElement(JsonElement input) { }
                    [LambdaFunction] public static void FromOrder(Order input) { }
                    [LambdaFunction] public static void FromNullableOrder(Order? input) { }
                    [LambdaFunction] public static void NoEvent() { }
                }
            }
            """);
        Assert.Contains("global::App.AppJson.Default.Order", result.File("Functions/EventsFromOrder.g.cs"));
        Assert.Contains("LambdaPayload.OpenStream(invocation.Payload)", result.File("Functions/EventsFromStream.g.cs"));
    }

    [Fact]
    public void ReturnKinds()
    {
        GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                [JsonSerializable(typeof(Receipt))]
                [JsonSerializable(typeof(string))]
                [JsonSerializable(typeof(int))]
                public partial class AppJson : JsonSerializerContext;

                public sealed class Returns
                {
                    [LambdaFunction] public void Void() { }
                    [LambdaFunction] public Receipt Value() => new();
                    [LambdaFunction] public Receipt? NullableValue() => null;
                    [LambdaFunction] public int Number() => 42;
                    [LambdaFunction] public string Text() => "hello";
                    [LambdaFunction] public Task Task() => System.Threading.Tasks.Task.CompletedTask;
                    [LambdaFunction] public async Task<Receipt> TaskOfT() { await System.Threading.Tasks.Task.Yield(); return new Receipt(); }
                    [LambdaFunction] public ValueTask ValueTask() => default;
                    [LambdaFunction] public ValueTask<Receipt?> ValueTaskOfT() => new((Receipt?)null);
                    [LambdaFunction] public Stream Stream() => new MemoryStream();
                    [LambdaFunction] public Task<Stream?> StreamAsync() => System.Threading.Tasks.Task.FromResult<Stream?>(null);
                    [LambdaFunction] public byte[] Bytes() => new byte[] { 1 };
                    [LambdaFunction] public ReadOnlyMemory<byte> Memory() => default;
                }
            }
            """);
    }

    [Fact]
    public void ContextAndCancellation()
    {
        GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                [JsonSerializable(typeof(Order))]
                [JsonSerializable(typeof(Receipt))]
                public partial class AppJson : JsonSerializerContext;

                public static class Handlers
                {
                    [LambdaFunction]
                    public static Task<Receipt> Handle(Order order, ILambdaContext context, CancellationToken cancellationToken) =>
                        Task.FromResult(new Receipt { OrderId = order.Id + context.AwsRequestId });

                    [LambdaFunction]
                    public static async ValueTask Ping(CancellationToken ct, ILambdaContext context)
                    {
                        await Task.Delay(1, ct);
                        context.Logger.LogInformation("ping");
                    }
                }
            }
            """);
    }

    [Fact]
    public void DependencyInjection()
    {
        var result = GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                public interface IOrderStore { void Save(Order order); }
                public interface IClock { DateTimeOffset Now { get; } }
                public interface IAudit { void Write(string line); }

                [LambdaStartup]
                public sealed class Startup
                {
                    public void ConfigureServices(IServiceCollection services) { }
                }

                [JsonSerializable(typeof(Order))]
                public partial class AppJson : JsonSerializerContext;

                public sealed class OrdersApi(IOrderStore store, IClock clock)
                {
                    [LambdaFunction(MemorySize = 512, Timeout = 10)]
                    public Task Create(Order order, [FromServices] IAudit audit, [FromServices] IClock? maybeClock, CancellationToken ct)
                    {
                        store.Save(order);
                        audit.Write(clock.Now.ToString() + maybeClock?.Now);
                        return Task.CompletedTask;
                    }
                }
            }
            """);
        var app = result.File("LambdaApp.g.cs");
        Assert.Contains("new global::App.Startup().ConfigureServices(services)", app);
        var wrapper = result.File("Functions/OrdersApiCreate.g.cs");
        Assert.Contains("GetRequiredService<global::App.IOrderStore>(services)", wrapper);
        Assert.Contains("GetService<global::App.IClock>(invocation.Services)", wrapper);
        Assert.DoesNotContain("ActivatorUtilities", wrapper);
    }

    [Fact]
    public void StaticConfigureServicesAndParameterlessHandlerClass()
    {
        GeneratorHarness.Run(Usings + """
            namespace App
            {
                [LambdaStartup]
                public static class Startup
                {
                    public static void ConfigureServices(IServiceCollection services) { }
                }

                public class Greeter
                {
                    private int _count;

                    [LambdaFunction]
                    public string Greet(string name) => "hello " + name + ++_count;
                }
            }
            """);
    }

    [Fact]
    public void ReflectionFallbackWithoutJsonContext()
    {
        var result = GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                public static class Handlers
                {
                    [LambdaFunction]
                    public static Receipt Handle(Order order) => new() { OrderId = order.Id };
                }
            }
            """);
        var wrapper = result.File("Functions/HandlersHandle.g.cs");
        Assert.Contains("JsonSerializerOptions.Default.GetTypeInfo(typeof(global::App.Order))", wrapper);
        Assert.Contains("#pragma warning disable IL2026, IL3050", wrapper);
    }

    [Fact]
    public void JsonContextPropertyNamesMatchSystemTextJson()
    {
        // The STJ generator runs beside ours: if our property names differ from its, this does not compile.
        GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                public sealed class Outer<T> { public sealed class Inner { public T? Value { get; set; } } }

                [JsonSerializable(typeof(List<Order>))]
                [JsonSerializable(typeof(Order[]))]
                [JsonSerializable(typeof(int[,]))]
                [JsonSerializable(typeof(int?))]
                [JsonSerializable(typeof(Dictionary<string, Order>))]
                [JsonSerializable(typeof(Outer<Order>.Inner))]
                [JsonSerializable(typeof(Receipt), TypeInfoPropertyName = "MyReceipt")]
                public partial class AppJson : JsonSerializerContext;

                public static class Handlers
                {
                    [LambdaFunction] public static int? List(List<Order> orders) => orders.Count;
                    [LambdaFunction] public static Order[] Array(Order[] orders) => orders;
                    [LambdaFunction] public static int[,] Matrix(int[,] m) => m;
                    [LambdaFunction] public static Dictionary<string, Order> Map(Dictionary<string, Order> m) => m;
                    [LambdaFunction] public static Outer<Order>.Inner Nested(Outer<Order>.Inner value) => value;
                    [LambdaFunction] public static Receipt Renamed() => new();
                }
            }
            """);
    }

    [Fact]
    public void TypeMissingFromContextFallsBackToGetTypeInfo()
    {
        var result = GeneratorHarness.Run(Usings + OrderTypes + """
            namespace App
            {
                [JsonSerializable(typeof(Order))]
                public partial class AppJson : JsonSerializerContext;

                public static class Handlers
                {
                    [LambdaFunction] public static Receipt Handle(Order order) => new() { OrderId = order.Id };
                }
            }
            """);
        Assert.Contains("global::App.AppJson.Default.GetTypeInfo(typeof(global::App.Receipt)) ?? throw", result.File("Functions/HandlersHandle.g.cs"));
    }

    [Fact]
    public void NamedJsonContextAmongSeveral()
    {
        var result = GeneratorHarness.Run(Usings + """
            [assembly: ServerlessApp("orders", JsonContext = typeof(App.ApiJson))]
            """ + "\n" + OrderTypes + """

            namespace App
            {
                [JsonSerializable(typeof(Order))]
                public partial class ApiJson : JsonSerializerContext;

                [JsonSerializable(typeof(Receipt))]
                internal partial class OtherJson : JsonSerializerContext;

                public static class Handlers
                {
                    [LambdaFunction] public static void Handle(Order order) { }
                }
            }
            """);
        Assert.Contains("global::App.ApiJson.Default.Order", result.File("Functions/HandlersHandle.g.cs"));
    }

    [Fact]
    public void EnvironmentReferences()
    {
        var result = GeneratorHarness.Run(Usings + """
            [assembly: ServerlessApp("orders")]
            [assembly: Serverless.Environment("API_KEY", FromSecret = "orders/api_key")]
            [assembly: Serverless.Environment("STAGE", "prod")]

            namespace App
            {
                [Serverless.Environment("DB_PASSWORD", FromParameter = "/orders/db-password")]
                public class Api
                {
                    [LambdaFunction(Timeout = 10)]
                    [Serverless.Environment("RULES", FromParameter = "/orders/rules")]
                    public void Create(string body) { }

                    // A literal on the method hides the assembly's secret; a malformed one (SLS1122) is left out.
                    [LambdaFunction]
                    [Serverless.Environment("API_KEY", "local-key")]
                    [Serverless.Environment("BROKEN", "x", FromSecret = "s")]
                    public static void Plain() { }
                }
            }
            """);
        var create = result.File("Functions/ApiCreate.g.cs");
        Assert.Contains("global::Serverless.Runtime.EnvironmentReference.Parameter(\"DB_PASSWORD\", \"/orders/db-password\"),", create);
        Assert.Contains("global::Serverless.Runtime.EnvironmentReference.Secret(\"API_KEY\", \"orders/api_key\"),", create);
        var plain = result.File("Functions/ApiPlain.g.cs");
        Assert.Contains("global::Serverless.Runtime.EnvironmentReference.Parameter(\"DB_PASSWORD\", \"/orders/db-password\"),", plain);
        Assert.DoesNotContain("API_KEY", plain);
        Assert.DoesNotContain("EnvironmentReferences", result.File("LambdaApp.g.cs"));

        var functions = GeneratedManifest.Functions(result);
        Assert.Equal(
            """{"API_KEY":"orders/api_key","DB_PASSWORD":"/orders/db-password","RULES":"/orders/rules","STAGE":"prod"}""",
            functions["ApiCreate"].GetProperty("environment").GetRawText());
        Assert.Equal("""{"DB_PASSWORD":"/orders/db-password","RULES":"/orders/rules"}""", functions["ApiCreate"].GetProperty("parameterReferences").GetRawText());
        Assert.Equal("""{"API_KEY":"orders/api_key"}""", functions["ApiCreate"].GetProperty("secretReferences").GetRawText());
        Assert.Equal("""{"API_KEY":"local-key","DB_PASSWORD":"/orders/db-password","STAGE":"prod"}""", functions["ApiPlain"].GetProperty("environment").GetRawText());
        Assert.False(functions["ApiPlain"].TryGetProperty("secretReferences", out _));
        Assert.Equal("""{"DB_PASSWORD":"/orders/db-password"}""", functions["ApiPlain"].GetProperty("parameterReferences").GetRawText());
    }

    [Fact]
    public void RdsProxyIsResolvedIntoTheManifest()
    {
        var result = GeneratorHarness.Run(Usings + """
            [assembly: ServerlessApp("orders")]
            [assembly: RdsProxy("orders-proxy")]

            namespace App
            {
                public static class Orders
                {
                    [LambdaFunction]
                    [Serverless.Environment("STAGE", "prod")]
                    public static void Create(string body) { }

                    [LambdaFunction]
                    [RdsProxy("reports-proxy", EndpointVariable = "REPORTS_DB")]
                    public static void Report() { }
                }

                [RdsProxy("billing-proxy")]
                public static class Billing
                {
                    [LambdaFunction]
                    public static void Charge() { }

                    // Half-typed: an empty name is no proxy, the class's applies.
                    [LambdaFunction]
                    [RdsProxy("")]
                    public static void Refund() { }
                }
            }
            """);

        var functions = GeneratedManifest.Functions(result);
        Assert.Equal("""{"name":"orders-proxy","endpointVariable":"RDS_PROXY_ENDPOINT"}""", functions["OrdersCreate"].GetProperty("rdsProxy").GetRawText());
        Assert.Equal(
            """{"RDS_PROXY_ENDPOINT":"orders-proxy.proxy-xxxxxxxxxxxx.xx-xxxxxxxxx-x.rds.amazonaws.com","STAGE":"prod"}""",
            functions["OrdersCreate"].GetProperty("environment").GetRawText());
        Assert.Equal("""{"name":"reports-proxy","endpointVariable":"REPORTS_DB"}""", functions["OrdersReport"].GetProperty("rdsProxy").GetRawText());
        Assert.Equal("""{"name":"billing-proxy","endpointVariable":"RDS_PROXY_ENDPOINT"}""", functions["BillingCharge"].GetProperty("rdsProxy").GetRawText());
        Assert.Equal("""{"name":"billing-proxy","endpointVariable":"RDS_PROXY_ENDPOINT"}""", functions["BillingRefund"].GetProperty("rdsProxy").GetRawText());
    }

    [Fact]
    public void ManifestSettingsAndEnvironment()
    {
        var result = GeneratorHarness.Run(Usings + """
            [assembly: ServerlessApp("orders", Runtime = "provided.al2023", Architecture = LambdaArchitecture.Arm64,
                MemorySize = 256, Timeout = 30, Tracing = TracingMode.Active, Tags = new[] { "team=core", "cost-center = 42" })]
            [assembly: Serverless.Environment("STAGE", "dev")]
            [assembly: Serverless.Environment("SHARED", "assembly")]

            namespace App
            {
                [Serverless.Environment("SHARED", "class")]
                [Serverless.Environment("CLASS_ONLY", "yes")]
                public static class Api
                {
                    [LambdaFunction(Name = "CreateOrder", MemorySize = 1024, Timeout = 60, EphemeralStorage = 2048,
                        Architecture = LambdaArchitecture.X86_64, ReservedConcurrency = 5,
                        Role = "arn:aws:iam::123456789012:role/x", Policies = new[] { "AWSLambdaBasicExecutionRole", "AmazonSQSFullAccess" },
                        Description = "Creates an \"order\"\n\ttab \\ é ✓")]
                    [Serverless.Environment("SHARED", "method")]
                    [Serverless.Environment("STAGE", "prod")]
                    public static void Create(string body) { }

                    [LambdaFunction]
                    public static void Defaults() { }

                    [LambdaFunction(ReservedConcurrency = 0)]
                    public static void Throttled() { }
                }
            }
            """);
        var manifest = result.File("ServerlessManifest.g.cs");
        Assert.Contains("\\\"environment\\\":{\\\"CLASS_ONLY\\\":\\\"yes\\\",\\\"SHARED\\\":\\\"method\\\",\\\"STAGE\\\":\\\"prod\\\"}", manifest);

        // The attribute in the compiled assembly carries JSON that System.Text.Json reads back with every value.
        var json = GeneratedManifest.Json(result);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("orders", root.GetProperty("app").GetProperty("name").GetString());
        Assert.Equal("42", root.GetProperty("app").GetProperty("tags").GetProperty("cost-center").GetString());
        var functions = root.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var create = functions["CreateOrder"];
        Assert.Equal("CreateOrder", create.GetProperty("handler").GetString());
        Assert.Equal("App.Api.Create", create.GetProperty("method").GetString());
        Assert.Equal("x86_64", create.GetProperty("architecture").GetString());
        Assert.Equal(1024, create.GetProperty("memorySize").GetInt32());
        Assert.Equal(60, create.GetProperty("timeout").GetInt32());
        Assert.Equal(2048, create.GetProperty("ephemeralStorage").GetInt32());
        Assert.Equal(5, create.GetProperty("reservedConcurrency").GetInt32());
        Assert.Equal("Active", create.GetProperty("tracing").GetString());
        Assert.Equal("Creates an \"order\"\n\ttab \\ é ✓", create.GetProperty("description").GetString());
        Assert.Equal("prod", create.GetProperty("environment").GetProperty("STAGE").GetString());
        var defaults = functions["ApiDefaults"];
        Assert.Equal("arm64", defaults.GetProperty("architecture").GetString());
        Assert.Equal(256, defaults.GetProperty("memorySize").GetInt32());
        Assert.Equal(30, defaults.GetProperty("timeout").GetInt32());
        Assert.Equal("dev", defaults.GetProperty("environment").GetProperty("STAGE").GetString());
        Assert.Equal("class", defaults.GetProperty("environment").GetProperty("SHARED").GetString());
        Assert.False(defaults.TryGetProperty("reservedConcurrency", out _));
        Assert.Equal(0, functions["ApiThrottled"].GetProperty("reservedConcurrency").GetInt32());
    }

    [Fact]
    public void NoServerlessAppUsesAssemblyNameAndDefaults()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public static class Api { [LambdaFunction] public static void Run() { } }
            }
            """);
        Assert.Contains("{\\\"version\\\":1,\\\"app\\\":{\\\"name\\\":\\\"TestApp\\\",\\\"runtime\\\":\\\"provided.al2023\\\"}", result.File("ServerlessManifest.g.cs"));
    }

    [Fact]
    public void LambdaEdgeFunctionsListTheirCloudFrontEvents()
    {
        var result = GeneratorHarness.Run(Usings + """
            [assembly: ServerlessApp("site")]

            namespace App
            {
                public static class Site
                {
                    [LambdaFunction(Timeout = 5, MemorySize = 128)]
                    [LambdaEdge(EdgeEvent.ViewerResponse | EdgeEvent.ViewerRequest)]
                    public static string Viewer(string request) => request;

                    [LambdaFunction(Timeout = 30)]
                    [LambdaEdge(EdgeEvent.OriginRequest | EdgeEvent.OriginResponse)]
                    public static string Origin(string request) => request;

                    [LambdaFunction]
                    public static string Regional(string request) => request;
                }
            }
            """);

        var functions = GeneratedManifest.Functions(result);
        Assert.Equal(new[] { "viewer-request", "viewer-response" }, functions["SiteViewer"].GetProperty("edge").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "origin-request", "origin-response" }, functions["SiteOrigin"].GetProperty("edge").EnumerateArray().Select(e => e.GetString()));
        Assert.False(functions["SiteRegional"].TryGetProperty("edge", out _));
    }

    [Fact]
    public void OwnMainGetsNoEntryPoint()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public static class Program
                {
                    public static Task<int> Main(string[] args) => Serverless.Generated.LambdaApp.RunAsync(args);
                }

                public static class Api { [LambdaFunction] public static void Run() { } }
            }
            """);
        Assert.False(result.Files.ContainsKey("LambdaEntryPoint.g.cs"));
        Assert.True(result.Files.ContainsKey("LambdaApp.g.cs"));
    }

    [Fact]
    public void TopLevelStatementsGetNoEntryPoint()
    {
        var result = GeneratorHarness.Run(new[]
        {
            "return await Serverless.Generated.LambdaApp.RunAsync(args);\n",
            Usings + "namespace App { public static class Api { [LambdaFunction] public static void Run() { } } }\n",
        }, null);
        Assert.False(result.Files.ContainsKey("LambdaEntryPoint.g.cs"));
    }

    [Fact]
    public void LibraryProjectGetsNoEntryPoint()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace Lib
            {
                public static class Api { [LambdaFunction] public static string Echo(string s) => s; }
            }
            """, new GeneratorTestOptions { OutputKind = OutputKind.DynamicallyLinkedLibrary });
        Assert.False(result.Files.ContainsKey("LambdaEntryPoint.g.cs"));
        Assert.True(result.Files.ContainsKey("LambdaApp.g.cs"));
    }

    [Fact]
    public void NamesAndNestedTypes()
    {
        GeneratorHarness.Run(Usings + """
            namespace App
            {
                public static class Outer
                {
                    public static class Inner
                    {
                        [LambdaFunction] public static void Handle() { }
                    }

                    internal sealed class Worker
                    {
                        [LambdaFunction(Name = "1stWorker")] internal void Work() { }
                    }
                }

                public struct Values
                {
                    [LambdaFunction] public static int Answer() => 42;
                }
            }

            public static class GlobalHandlers
            {
                [LambdaFunction] public static void @event(string @class) { }
            }
            """);
    }

    [Fact]
    public void InvalidHandlersAreNotEmitted()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public abstract class Abstract { [LambdaFunction] public void Handle() { } }

                public class TwoConstructors
                {
                    public TwoConstructors() { }
                    public TwoConstructors(int x) { }
                    [LambdaFunction] public void Handle() { }
                }

                public static class Bad
                {
                    [LambdaFunction] public static void TwoEvents(string a, string b) { }
                    [LambdaFunction] public static void ByRef(ref int a) { }
                    [LambdaFunction] public static void Generic<T>(T value) { }
                    [LambdaFunction] private static void Hidden() { }
                    [LambdaFunction] public static async void AsyncVoid() { await Task.Yield(); }
                    [LambdaFunction] public static async IAsyncEnumerable<int> Stream() { await Task.Yield(); yield return 1; }
                    [LambdaFunction(Name = "not-valid")] public static void BadName() { }
                    [LambdaFunction(Name = "Same")] public static void First() { }
                    [LambdaFunction(Name = "Same")] public static void Second() { }
                    [LambdaFunction] public static void Good() { }
                }

                public static class Generic<T>
                {
                    [LambdaFunction] public static void Handle() { }
                }

                internal static class Container
                {
                    private static class Private { [LambdaFunction] public static void Handle() { } }
                }
            }
            """);
        Assert.Equal(
            new[] { "Functions/BadGood.g.cs", "Functions/Same.g.cs", "LambdaApp.g.cs", "LambdaEntryPoint.g.cs", "ServerlessManifest.g.cs" },
            result.Files.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("global::App.Bad.First(", result.File("Functions/Same.g.cs"));
    }

    [Fact]
    public void NoFunctionsNoOutput()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App { public static class Program { public static void Main() { } } }
            """);
        Assert.Empty(result.Files);
    }

    [Theory]
    [InlineData("HalfTyped1", "public static class H { [LambdaFunction(MemorySize = )] public static void A() { } }")]
    [InlineData("HalfTyped2", "public static class H { [LambdaFunction(Name = Missing.Value, Timeout = \"x\")] public static void A() { } }")]
    [InlineData("HalfTyped3", "public static class H { [LambdaFunction] public static Unknown A(Missing m) => default; }")]
    [InlineData("HalfTyped4", "public class H(Unknown u) { [LambdaFunction] public void A() { } }")]
    [InlineData("HalfTyped5", "public static class H { [LambdaFunction] public static void A(string a, }")]
    [InlineData("HalfTyped6", "public static class H { [LambdaFunction(Policies = new[] { null, Missing })] public static void A() { } }")]
    [InlineData("HalfTyped7", "[assembly: ServerlessApp(JsonContext = typeof(Missing), Tags = new[] { \"x\" })] public static class H { [LambdaFunction] public static void A() { } }")]
    [InlineData("HalfTyped8", "[LambdaStartup] public class S { public void ConfigureServices(Missing s) { } } public class H(Dep d) { [LambdaFunction] public void A([FromServices] Missing m) { } }")]
    [InlineData("HalfTyped9", "[JsonSerializable(typeof(Missing))] public partial class Ctx : Missing; public static class H { [LambdaFunction] public static void A(int x) { } }")]
    [InlineData("HalfTyped10", "public static class H { [LambdaFunction] public static void A(this string x) { } [LambdaFunction] int B => 1; void C() { [LambdaFunction] void Local() { } } }")]
    public void HalfTypedCodeNeverThrows(string name, string source)
    {
        _ = name;
        GeneratorHarness.Run(Usings + source, new GeneratorTestOptions { ExpectCompileErrors = true, CheckBaselines = false });
    }
}
