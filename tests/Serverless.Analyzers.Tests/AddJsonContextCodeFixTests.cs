using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<JsonContextAnalyzer, AddJsonContextCodeFixProvider>;

/// <summary>
/// The SLS1015 fix creates AppJson.cs. The tests do not run System.Text.Json's generator, which would implement the new
/// context's abstract members, so compiler errors are not compared; the analyzer's diagnostics are.
/// </summary>
public class AddJsonContextCodeFixTests
{
    [Fact]
    public async Task CreatesAppJsonInTheHandlersNamespace()
    {
        var handlers = """
            using Serverless;

            namespace App.Orders;

            public record Order(string Id);

            public static class Handlers
            {
                [LambdaFunction] public static void Create(Order {|SLS1015:order|}) { }
            }
            """;
        var appJson = """
            using System.Text.Json.Serialization;

            namespace App.Orders;

            /// <summary>The app's System.Text.Json metadata for its handler types (trimming and Native AOT safe).</summary>
            [JsonSerializable(typeof(Order))]
            internal partial class AppJson : JsonSerializerContext
            {
            }

            """;
        var test = new FixTest { CompilerDiagnostics = CompilerDiagnostics.None }
            .WithSources(new[] { handlers }, new[] { handlers.Replace("{|SLS1015:order|}", "order") });
        test.FixedState.Sources.Add(("/0/AppJson.cs", appJson));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllCreatesOneContextWithEveryTypeOnce()
    {
        var handlers = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Serverless;

            namespace App
            {
                public record Order(string Id);
                public record NewOrder(string Item);

                public class Orders
                {
                    [LambdaFunction] public {|SLS1015:Order|} Create(NewOrder {|SLS1015:order|}) => null!;
                    [LambdaFunction] public {|SLS1015:Task<List<Order>>|} All(NewOrder {|SLS1015:filter|}) => null!;
                    [LambdaFunction] public void Raw(string payload) { }
                }
            }
            """;
        var plain = handlers.Replace("{|SLS1015:", "").Replace("|}", "");
        var test = new FixTest { CompilerDiagnostics = CompilerDiagnostics.None }
            .WithSources(handlers, plain)
            .WithCodeAction("SLS1015.AddJsonContext")
            .WithIterations(incremental: 1);

        // One fix at a time: the first creates the context with its type; the rest are then SLS1014 (its own fix).
        test.FixedState.Sources.Add(("/0/AppJson.cs", """
            using System.Text.Json.Serialization;

            namespace App
            {
                /// <summary>The app's System.Text.Json metadata for its handler types (trimming and Native AOT safe).</summary>
                [JsonSerializable(typeof(Order))]
                internal partial class AppJson : JsonSerializerContext
                {
                }
            }

            """));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.Add(Verifier<JsonContextAnalyzer>.Diagnostic("SLS1014").WithSpan("/0/Test0.cs", 12, 55, 12, 60));
        test.FixedState.ExpectedDiagnostics.Add(Verifier<JsonContextAnalyzer>.Diagnostic("SLS1014").WithSpan("/0/Test0.cs", 13, 33, 13, 50));
        test.FixedState.ExpectedDiagnostics.Add(Verifier<JsonContextAnalyzer>.Diagnostic("SLS1014").WithSpan("/0/Test0.cs", 13, 64, 13, 70));

        // Fix All: one context, every type once, in source order, and no diagnostic left.
        test.BatchFixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.Sources.Add(("/0/Test0.cs", plain));
        test.BatchFixedState.Sources.Add((TestSources.GeneratedEntryPointPath, TestSources.GeneratedEntryPoint));
        test.BatchFixedState.Sources.Add(("/0/AppJson.cs", """
            using System.Text.Json.Serialization;

            namespace App
            {
                /// <summary>The app's System.Text.Json metadata for its handler types (trimming and Native AOT safe).</summary>
                [JsonSerializable(typeof(Order))]
                [JsonSerializable(typeof(NewOrder))]
                [JsonSerializable(typeof(System.Collections.Generic.List<Order>))]
                internal partial class AppJson : JsonSerializerContext
                {
                }
            }

            """));
        await test.RunAsync();
    }
}
