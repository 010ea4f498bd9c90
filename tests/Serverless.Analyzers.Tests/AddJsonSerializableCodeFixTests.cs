using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<JsonContextAnalyzer, AddJsonSerializableCodeFixProvider>;

public class AddJsonSerializableCodeFixTests
{
    [Fact]
    public async Task AddsTheMissingTypeAfterTheExistingEntries()
    {
        var before = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);
            public record NewOrder(string Item);

            /// <summary>The app's JSON metadata.</summary>
            [JsonSerializable(typeof(Order))]
            [JsonSourceGenerationOptions(WriteIndented = false)]
            public partial class AppJson : JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public Order Create(NewOrder {|SLS1014:order|}) => null!;
            }
            """;
        var after = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);
            public record NewOrder(string Item);

            /// <summary>The app's JSON metadata.</summary>
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(NewOrder))]
            [JsonSourceGenerationOptions(WriteIndented = false)]
            public partial class AppJson : JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public Order Create(NewOrder order) => null!;
            }
            """;
        await new FixTest().WithSources(before, after, ("AppJson", "App")).RunAsync();
    }

    [Fact]
    public async Task ContextWithoutAttributesKeepsItsCommentsAndIndentation()
    {
        var before = """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App
            {
                public record Order(string Id);

                // Keep this comment above the attributes.
                /// <summary>Docs.</summary>
                internal partial class AppJson : JsonSerializerContext
                {
                }

                public static class Orders
                {
                    [LambdaFunction] public static {|SLS1014:List<Order>|} All() => null!;
                }
            }
            """;
        var after = """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App
            {
                public record Order(string Id);

                // Keep this comment above the attributes.
                /// <summary>Docs.</summary>
                [JsonSerializable(typeof(List<Order>))]
                internal partial class AppJson : JsonSerializerContext
                {
                }

                public static class Orders
                {
                    [LambdaFunction] public static List<Order> All() => null!;
                }
            }
            """;
        await new FixTest().WithSources(before, after, ("AppJson", "App")).RunAsync();
    }

    [Fact]
    public async Task TypesFromOtherNamespacesAreQualifiedOnlyAsFarAsNeeded()
    {
        var context = """
            using System.Text.Json.Serialization;

            namespace App.Serialization;

            [JsonSerializable(typeof(int))]
            public partial class AppJson : JsonSerializerContext;
            """;
        var contextAfter = """
            using System.Text.Json.Serialization;

            namespace App.Serialization;

            [JsonSerializable(typeof(int))]
            [JsonSerializable(typeof(Models.Order))]
            [JsonSerializable(typeof(Models.Outer.Inner))]
            [JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, Models.Order[]>))]
            [JsonSerializable(typeof(long?))]
            public partial class AppJson : JsonSerializerContext;
            """;
        var handlers = """
            using System.Collections.Generic;
            using Serverless;

            namespace App.Models
            {
                public record Order(string Id);
                public class Outer { public class Inner { } }

                public class Orders
                {
                    [LambdaFunction] public void A(Order {|SLS1014:order|}) { }
                    [LambdaFunction] public {|SLS1014:Outer.Inner|} B() => null!;
                    [LambdaFunction] public {|SLS1014:Dictionary<string, Order[]>|} C() => null!;
                    [LambdaFunction] public {|SLS1014:long?|} D() => null;
                    [LambdaFunction] public int E() => 0;
                }
            }
            """;
        await new FixTest().WithSources(
            new[] { context, handlers },
            new[] { contextAfter, handlers.Replace("{|SLS1014:", "").Replace("|}", "") },
            ("AppJson", "App.Serialization")).RunAsync();
    }

    [Fact]
    public async Task FixAllAddsEveryMissingTypeOnceAcrossDocuments()
    {
        var context = """
            using System.Text.Json.Serialization;

            namespace App;

            [JsonSerializable(typeof(Order))]
            public partial class AppJson : JsonSerializerContext;
            """;
        var contextAfter = """
            using System.Text.Json.Serialization;

            namespace App;

            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(NewOrder))]
            [JsonSerializable(typeof(Receipt))]
            [JsonSerializable(typeof(Refund))]
            public partial class AppJson : JsonSerializerContext;
            """;
        var orders = """
            using System.Threading.Tasks;
            using Serverless;

            namespace App;

            public record Order(string Id);
            public record NewOrder(string Item);
            public record Receipt(string Id);

            public class Orders
            {
                [LambdaFunction] public Order Create(NewOrder {|SLS1014:order|}) => null!;
                [LambdaFunction] public {|SLS1014:Task<Receipt>|} Pay(Order order) => null!;
                [LambdaFunction] public Order Update(NewOrder {|SLS1014:order|}) => null!;
            }
            """;
        var refunds = """
            using Serverless;

            namespace App;

            public record Refund(string Id);

            public static class Refunds
            {
                [LambdaFunction] public static {|SLS1014:Refund|} Create(NewOrder {|SLS1014:order|}) => null!;
                [LambdaFunction] public static Receipt {|SLS1014:Undo|}(Refund {|SLS1014:refund|}) => null!;
            }
            """.Replace("Receipt {|SLS1014:Undo|}", "{|SLS1014:Receipt|} Undo");
        await new FixTest().WithSources(
                new[] { context, orders, refunds },
                new[] { contextAfter, Plain(orders), Plain(refunds) },
                ("AppJson", "App"))
            .WithCodeAction("SLS1014.AddJsonSerializable")
            .RunAsync();
    }

    [Fact]
    public async Task PartialContextGetsTheEntriesInThePartThatListsThem()
    {
        var first = """
            using System.Text.Json.Serialization;

            namespace App;

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            public partial class AppJson : JsonSerializerContext;
            """;
        var second = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            [JsonSerializable(typeof(int))]
            partial class AppJson;

            public class Orders
            {
                [LambdaFunction] public void Create(Order {|SLS1014:order|}) { }
            }
            """;
        var secondAfter = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            [JsonSerializable(typeof(int))]
            [JsonSerializable(typeof(Order))]
            partial class AppJson;

            public class Orders
            {
                [LambdaFunction] public void Create(Order order) { }
            }
            """;
        await new FixTest().WithSources(new[] { first, second }, new[] { first, secondAfter }, ("AppJson", "App")).RunAsync();
    }

    [Fact]
    public async Task NestedContextAndCrLfLineEndings()
    {
        var before = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            public static partial class Serialization
            {
                [JsonSerializable(typeof(int))]
                internal partial class Json : JsonSerializerContext;
            }

            public class Orders
            {
                [LambdaFunction] public void Create(Order {|SLS1014:order|}) { }
            }
            """.ReplaceLineEndings("\r\n");
        var after = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            public static partial class Serialization
            {
                [JsonSerializable(typeof(int))]
                [JsonSerializable(typeof(Order))]
                internal partial class Json : JsonSerializerContext;
            }

            public class Orders
            {
                [LambdaFunction] public void Create(Order order) { }
            }
            """.ReplaceLineEndings("\r\n");
        var stub = """
            namespace App;
            static partial class Serialization
            {
                partial class Json
                {
                    public Json() : base(null) { }
                    protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type) => null;
                }
            }
            """;
        await new FixTest().WithSources(new[] { before, stub }, new[] { after, stub }).RunAsync();
    }

    [Fact]
    public async Task FullyQualifiedAttributeSpellingIsKept()
    {
        var before = """
            using Serverless;

            namespace App;

            public record Order(string Id);

            [System.Text.Json.Serialization.JsonSerializable(typeof(int))]
            public partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public void Create(Order {|SLS1014:order|}) { }
            }
            """;
        var after = """
            using Serverless;

            namespace App;

            public record Order(string Id);

            [System.Text.Json.Serialization.JsonSerializable(typeof(int))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(Order))]
            public partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public void Create(Order order) { }
            }
            """;
        await new FixTest().WithSources(before, after, ("AppJson", "App")).RunAsync();
    }

    [Fact]
    public async Task FixAllInSolutionFixesEachProjectsOwnContext()
    {
        static string Context(string ns) => $$"""
            using System.Text.Json.Serialization;

            namespace {{ns}};

            [JsonSerializable(typeof(int))]
            public partial class AppJson : JsonSerializerContext;
            """;
        static string ContextAfter(string ns) => $$"""
            using System.Text.Json.Serialization;

            namespace {{ns}};

            [JsonSerializable(typeof(int))]
            [JsonSerializable(typeof(Order))]
            public partial class AppJson : JsonSerializerContext;
            """;
        static string Handlers(string ns) => $$"""
            using Serverless;

            namespace {{ns}};

            public record Order(string Id);

            public static class Orders
            {
                [LambdaFunction] public static void Create(Order {|SLS1014:order|}) { }
            }
            """;

        await new FixTest()
            .WithSources(new[] { Context("First"), Handlers("First") }, new[] { ContextAfter("First"), Plain(Handlers("First")) }, ("AppJson", "First"))
            .WithProject("Second", new[] { Context("Second"), Handlers("Second") }, new[] { ContextAfter("Second"), Plain(Handlers("Second")) }, ("AppJson", "Second"))
            .RunAsync();
    }

    [Fact]
    public async Task AttributesOnTheDeclarationLineAndSharedListsAreKept()
    {
        var before = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            [JsonSerializable(typeof(int)), JsonSerializable(typeof(long))] public partial class AppJson : JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public void Create(Order {|SLS1014:order|}) { }
            }
            """;
        var after = """
            using System.Text.Json.Serialization;
            using Serverless;

            namespace App;

            public record Order(string Id);

            [JsonSerializable(typeof(int)), JsonSerializable(typeof(long))] [JsonSerializable(typeof(Order))] public partial class AppJson : JsonSerializerContext;

            public class Orders
            {
                [LambdaFunction] public void Create(Order order) { }
            }
            """;
        await new FixTest().WithSources(before, after, ("AppJson", "App")).RunAsync();
    }

    private static string Plain(string markup) => markup.Replace("{|SLS1014:", "").Replace("|}", "");
}
