using Serverless.Analyzers.Tests.Infrastructure;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HandlerSignatureAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class HandlerSignatureAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Serverless;

        """;

    [Fact]
    public Task ValidHandlersHaveNoDiagnostics() => Verify.VerifyAsync(Usings + """
        namespace App;

        public record Order(string Id);

        public class Orders
        {
            [LambdaFunction] public Order Create(Order order, ILambdaContext context, CancellationToken ct) => order;
            [LambdaFunction] public Task<Order> CreateAsync(Order order) => Task.FromResult(order);
            [LambdaFunction] public ValueTask<Order?> Find(string id) => default;
            [LambdaFunction] public Task Delete(Stream payload) => Task.CompletedTask;
            [LambdaFunction] public ValueTask Touch(ReadOnlyMemory<byte> payload) => default;
            [LambdaFunction] public void Ping() { }
            [LambdaFunction] public byte[] Raw(byte[] payload) => payload;
            [LambdaFunction] public string Text(JsonElement payload) => payload.ToString();
            [LambdaFunction] internal static int Count(List<Order> orders) => orders.Count;
        }

        internal class Internal
        {
            public class Nested
            {
                [LambdaFunction] public static void Run() { }
            }
        }
        """);

    [Fact]
    public Task SLS1001_SecondEventParameter() => Verify.VerifyAsync(Usings + """
        public record Order(string Id);
        public record Customer(string Id);

        public class Orders
        {
            [LambdaFunction]
            public Order Create(Order order, ILambdaContext context, Customer {|SLS1001:customer|}) => order;

            [LambdaFunction]
            public void Raw(Stream payload, string {|SLS1001:text|}, byte[] {|SLS1001:bytes|}) { }
        }
        """);

    [Fact]
    public Task SLS1001_ServicesContextAndTokenAreNotEvents() => Verify.VerifyAsync(Usings + """
        public record Order(string Id);
        public interface IStore { }

        public static class Orders
        {
            [LambdaFunction]
            public static void Create(Order order, [FromServices] IStore store, ILambdaContext context, CancellationToken ct) { }
        }
        """);

    [Fact]
    public Task SLS1002_ByRefPointerAndRefStructParameters() => Verify.VerifyAsync(Usings + """
        public record Order(string Id);

        public static unsafe class Orders
        {
            [LambdaFunction] public static void A(ref Order {|SLS1002:order|}) { }
            [LambdaFunction] public static void B(out Order {|SLS1002:order|}) { order = new Order(""); }
            [LambdaFunction] public static void C(in Order {|SLS1002:order|}) { }
            [LambdaFunction] public static void D(ReadOnlySpan<byte> {|SLS1002:payload|}) { }
            [LambdaFunction] public static void E(byte* {|SLS1002:payload|}) { }
        }
        """);

    [Fact]
    public Task SLS1003_GenericMethodAndGenericContainingTypes() => Verify.VerifyAsync(Usings + """
        public class Handlers
        {
            [LambdaFunction] public static void {|SLS1003:Echo|}<T>() { }
        }

        public class Generic<T>
        {
            [LambdaFunction] public static void {|SLS1003:Run|}() { }

            public class Inner
            {
                [LambdaFunction] public static void {|SLS1003:Nested|}() { }
            }
        }
        """);

    [Fact]
    public Task SLS1003_ClosedGenericBaseIsFine() => Verify.VerifyAsync(Usings + """
        public class Base<T> { }

        public class Handlers : Base<int>
        {
            [LambdaFunction] public static void Run() { }
        }
        """);

    [Fact]
    public Task SLS1004_InaccessibleMethodOrContainingType() => Verify.VerifyAsync(Usings + """
        public class Orders
        {
            [LambdaFunction] private static void {|SLS1004:Hidden|}() { }
            [LambdaFunction] protected static void {|SLS1004:Guarded|}() { }
            [LambdaFunction] private protected static void {|SLS1004:Narrow|}() { }
            [LambdaFunction] protected internal static void Wide() { }

            private class Admin
            {
                [LambdaFunction] public static void {|SLS1004:Purge|}() { }
            }

            protected class Ops
            {
                public class Deeper
                {
                    [LambdaFunction] public static void {|SLS1004:Restart|}() { }
                }
            }
        }
        """);

    [Fact]
    public Task SLS1005_UnsupportedReturnTypes() => Verify.VerifyAsync(Usings + """
        public record Order(string Id);

        public class Orders
        {
            [LambdaFunction] public async {|SLS1005:void|} Fire() => await Task.Yield();
            [LambdaFunction] public {|SLS1005:IAsyncEnumerable<Order>|} Stream() => throw null!;
            [LambdaFunction] public {|SLS1005:Task<Task<Order>>|} Nested() => throw null!;
            [LambdaFunction] public {|SLS1005:System.Runtime.CompilerServices.YieldAwaitable|} Yield() => Task.Yield();
        }
        """);

    [Fact]
    public Task SLS1017_HandlerClassCannotBeCreated() => Verify.VerifyAsync(Usings + """
        public abstract class Abstract
        {
            [LambdaFunction] public void {|SLS1017:Run|}() { }
            [LambdaFunction] public static void Fine() { }
        }

        public class NoPublicConstructor
        {
            private NoPublicConstructor() { }
            [LambdaFunction] public void {|SLS1017:Run|}() { }
        }

        public class TwoConstructors
        {
            public TwoConstructors() { }
            public TwoConstructors(string name) { }
            [LambdaFunction] public void {|SLS1017:Run|}() { }
        }

        public class PrimaryConstructor(IServiceProvider services)
        {
            [LambdaFunction] public void Run() => services.GetType();
        }
        """);

    [Fact]
    public Task PartialClassSplitAcrossFiles() => Verify.VerifyAsync(new[]
    {
        Usings + """
        namespace App;
        public partial class Orders
        {
            [LambdaFunction] public void {|SLS1017:Run|}(string a, string {|SLS1001:b|}) { }
        }
        """,
        """
        namespace App;
        public partial class Orders
        {
            public Orders() { }
            public Orders(int x) { }
        }
        """,
    });

    [Fact]
    public Task UserAttributeThatMerelySharesTheNameIsIgnored() => Verify.VerifyAsync("""
        using System;
        namespace MyApp
        {
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class LambdaFunctionAttribute : Attribute { }

            public class Orders
            {
                [LambdaFunction] private static void Hidden<T>(ref int a, ref int b) { }
            }
        }
        namespace Serverless.Fake
        {
            public sealed class LambdaFunctionAttribute : Attribute { }
            public class Other
            {
                [LambdaFunction] private async void Fire() => await System.Threading.Tasks.Task.Yield();
            }
        }
        """);

    [Fact]
    public Task LookAlikeContextTokenAndFromServicesAreEvents() => Verify.VerifyAsync(Usings + """
        namespace App
        {
            public record Order(string Id);
            public interface ILambdaContext { }
            public struct CancellationToken { }
            public sealed class FromServicesAttribute : Attribute { }
            public interface IStore { }

            public static class Orders
            {
                [LambdaFunction] public static void A(Order order, App.ILambdaContext {|SLS1001:context|}) { }
                [LambdaFunction] public static void B(Order order, App.CancellationToken {|SLS1001:ct|}) { }
                [LambdaFunction] public static void C(Order order, [App.FromServices] IStore {|SLS1001:store|}) { }
                [LambdaFunction] public static void D(Order order, Serverless.ILambdaContext context, System.Threading.CancellationToken ct, [Serverless.FromServices] IStore store) { }
            }
        }
        """);

    [Fact]
    public Task GeneratedCodeIsNotAnalyzed() => Verify.VerifyAsync(new[]
    {
        """
        // <auto-generated/>
        using Serverless;
        public class Generated
        {
            [LambdaFunction] private static void Hidden() { }
        }
        """,
    });
}
