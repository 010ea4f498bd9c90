using Serverless.Analyzers.Tests.Infrastructure;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.JsonContextAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class JsonContextAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Serverless;

        """;

    [Fact]
    public Task ContextWithEveryTypeIsFine() => Verify.VerifyAsync(new[]
    {
        Usings + """
        namespace App;

        public record Order(string Id);
        public record NewOrder(string Item);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(NewOrder))]
        [JsonSerializable(typeof(List<Order>))]
        public partial class AppJson : JsonSerializerContext;

        public class Orders
        {
            [LambdaFunction] public Task<Order> Create(NewOrder order) => null!;
            [LambdaFunction] public List<Order> All() => null!;
            [LambdaFunction] public Stream Raw(Stream payload) => payload;
            [LambdaFunction] public void Text(string payload, JsonElement unused = default) { }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson", "App"),
    });

    [Fact]
    public Task SLS1014_MissingInputAndOutputTypes() => Verify.VerifyAsync(new[]
    {
        Usings + """
        namespace App;

        public record Order(string Id);
        public record NewOrder(string Item);
        public record Receipt(string Id);

        [JsonSerializable(typeof(Order))]
        public partial class AppJson : JsonSerializerContext;

        public class Orders
        {
            [LambdaFunction] public Order Create(NewOrder {|SLS1014:order|}) => null!;
            [LambdaFunction] public {|SLS1014:Task<Receipt>|} Pay(Order order) => null!;
            [LambdaFunction] public {|SLS1014:List<Order>|} All() => null!;
        }
        """,
        TestSources.GeneratedJsonContext("AppJson", "App"),
    });

    [Fact]
    public Task SLS1014_NestedContextAndGenericHandlerClassAcrossFiles() => Verify.VerifyAsync(new[]
    {
        Usings + """
        namespace App;

        public record Order(string Id);

        public static partial class Serialization
        {
            [JsonSerializable(typeof(int))]
            internal partial class Json : JsonSerializerContext;
        }
        """,
        """
        using Serverless;
        namespace App;

        public partial class Orders
        {
            [LambdaFunction] public static int Count(App.Order {|SLS1014:order|}) => 1;
        }
        """,
        """
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
        """,
    });

    [Fact]
    public Task SLS1015_NoContext() => Verify.VerifyAsync(Usings + """
        public record Order(string Id);

        public class Orders
        {
            [LambdaFunction] public {|SLS1015:Order|} Create(Order {|SLS1015:order|}) => order;
            [LambdaFunction] public {|SLS1015:ValueTask<int>|} Count() => default;
            [LambdaFunction] public byte[] Raw(ReadOnlyMemory<byte> payload) => payload.ToArray();
            [LambdaFunction] public Task Nothing(Stream payload) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task SLS1015_TypesMerelyNamedLikeTheContextDoNotCount() => Verify.VerifyAsync(Usings + """
        namespace App;

        public record Order(string Id);

        public abstract class JsonSerializerContext { }

        [System.Text.Json.Serialization.JsonSerializable(typeof(Order))]
        public partial class AppJson : App.JsonSerializerContext;

        public class Orders
        {
            [LambdaFunction] public void Create(Order {|SLS1015:order|}) { }
        }
        """);

    [Fact]
    public Task SLS1016_SeveralContextsAndNoneNamed() => Verify.VerifyAsync(new[]
    {
        Usings + """
        public record Order(string Id);

        [JsonSerializable(typeof(Order))]
        public partial class {|SLS1016:AppJson|} : JsonSerializerContext;

        [JsonSerializable(typeof(Order))]
        public partial class {|SLS1016:AuditJson|} : JsonSerializerContext;

        public class Orders
        {
            [LambdaFunction] public void Create(Order order) { }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson"),
        TestSources.GeneratedJsonContext("AuditJson"),
    });

    [Fact]
    public Task SeveralContextsAndOneNamedIsFine() => Verify.VerifyAsync(new[]
    {
        Usings + """
        [assembly: ServerlessApp("orders", JsonContext = typeof(AppJson))]

        public record Order(string Id);

        [JsonSerializable(typeof(Order))]
        public partial class AppJson : JsonSerializerContext;

        [JsonSerializable(typeof(int))]
        public partial class AuditJson : JsonSerializerContext;

        public class Orders
        {
            [LambdaFunction] public void Create(Order order) { }
        }
        """,
        TestSources.GeneratedJsonContext("AppJson"),
        TestSources.GeneratedJsonContext("AuditJson"),
    });

    [Fact]
    public Task SLS1016_NamedTypeIsNotAContext() => Verify.VerifyAsync(Usings + """
        [assembly: ServerlessApp("orders", JsonContext = {|SLS1016:typeof(Order)|})]

        public record Order(string Id);

        public class Orders
        {
            [LambdaFunction] public void Create(string order) { }
        }
        """);
}
