using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HttpRouteAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class HttpRouteAnalyzerTests
{
    private const string Types = """

        public sealed class NewOrder { public int Quantity { get; set; } }
        public sealed class Order { }
        public enum Color { Red, Green }
        """;

    [Fact]
    public Task UsableRoutesAndParametersAreNotReported() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using Serverless;

        public static class Routes { public const string Order = "/orders/{id}"; }

        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/orders/{Id}/lines/{rest+}")]
            [RestApi(HttpVerb.Any, "/v1/orders/{id}/lines/{rest+}")]
            public static Order? Get(Guid id, string rest, int? page, Color[] colors, List<long>? ids, [FromHeader("X-Key")] string? key,
                NewOrder body, ILambdaContext context, CancellationToken ct) => null;

            [LambdaFunction]
            [HttpApi(HttpVerb.Put, Routes.Order)]
            [HttpApi(route: "/v2/orders/{ID}", method: HttpVerb.Patch)]
            public static void Put([FromRoute("ID")] Guid orderId, [FromBody] NewOrder order, [FromQuery(Name = "c")] Color color = Color.Red) { }

            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/")]
            [HttpApi(HttpVerb.Get, "/health")]
            [HttpApi(HttpVerb.Delete, "/orders")]
            public static void Root() { }

            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/raw/{a}/{b}")]
            public static void Raw(HttpRequestData request) { }
        }

        namespace Serverless { public sealed class HttpRequestData { } }
        """ + Types);

    [Fact]
    public Task SLS3001_InvalidTemplatesAreReportedOnTheRouteArgument() => Verify.VerifyAsync("""
        using Serverless;

        public static class Routes { public const string Bad = "/a//b"; }

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:"orders"|})] public static void NoSlash() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:""|})] public static void Empty() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:Routes.Bad|})] public static void EmptySegment() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:"/files/{path+}/x"|})] public static void GreedyNotLast(string path) { }
            [LambdaFunction] [RestApi(HttpVerb.Get, {|SLS3001:"/a/{id}/{ID}"|})] public static void Repeated(string id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:"/a/x{id}"|})] public static void Partial(string id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:"/a/{}"|})] public static void NoName() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3001:"/a/{b c}"|})] public static void BadName() { }
            [LambdaFunction] [HttpApi(route: {|SLS3001:null|}, method: HttpVerb.Post)] public static void Null() { }
            [LambdaFunction] [HttpApi({|SLS3001:(HttpVerb)42|}, "/x")] public static void UnknownVerb() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/ok")] [HttpApi(HttpVerb.Post, {|SLS3001:"ok"|})] public static void SecondRoute() { }
        }
        """);

    [Fact]
    public Task SLS3001_MessageSaysWhy() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|#0:"/files/{path+}/x"|})] public static void Get(string path) { }
        }
        """,
        Verify.Diagnostic("SLS3001").WithLocation(0)
            .WithArguments("/files/{path+}/x", "Api.Get", "greedy parameter '{path+}' must be the last segment"));

    [Fact]
    public Task SLS3002_RouteParameterWithoutMethodParameter() => Verify.VerifyAsync(
        """
        using System;
        using Serverless;

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/orders/{id}"|})] public static void Get() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/orders/{id}"|})] public static void Query([FromQuery] Guid id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/a/{x}")] [HttpApi(HttpVerb.Get, {|#0:"/b/{y}/{z}"|})] public static void Two(string x) { }
        }
        """,
        Verify.Diagnostic("SLS3002").WithLocation(0).WithArguments("/b/{y}/{z}", "y", "Api.Two"),
        Verify.Diagnostic("SLS3002").WithLocation(0).WithArguments("/b/{y}/{z}", "z", "Api.Two"));

    [Fact]
    public Task SLS3003_FromRouteNameNotInAnyRoute() => Verify.VerifyAsync(
        """
        using System;
        using Serverless;

        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/orders/{id}")]
            public static void Get(Guid id, [FromRoute("line")] int {|SLS3003:lineNumber|}, [FromRoute] string {|#0:tenant|}) { }
        }
        """,
        Verify.Diagnostic("SLS3003").WithLocation(0).WithArguments("tenant", "Api.Get", "tenant", "/orders/{id}"));

    [Fact]
    public Task SLS3004_MoreThanOneBody() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Post, "/orders")] public static void Create([FromBody] NewOrder a, NewOrder {|SLS3004:b|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Put, "/orders")] public static void Three(NewOrder a, [FromBody] string {|SLS3004:b|}, Order {|#0:c|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Post, "/one")] public static void One([FromBody] NewOrder a, string note) { }
        }
        """ + Types,
        Verify.Diagnostic("SLS3004").WithLocation(0).WithArguments("Api.Three", "a", "c"));

    [Fact]
    public Task SLS3005_BodyOnGetHeadOrDelete() => Verify.VerifyAsync(
        """
        using Serverless;

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders")] public static void Get(NewOrder {|SLS3005:filter|}) { }
            [LambdaFunction] [RestApi(HttpVerb.Head, "/orders")] public static void Head([FromBody] string {|SLS3005:text|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Delete, "/orders")] [HttpApi(HttpVerb.Get, "/v2/orders")] public static void Delete(NewOrder? {|#0:order|} = null) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/search")] [HttpApi(HttpVerb.Post, "/search")] public static void Search(NewOrder? filter) { }
            [LambdaFunction] [HttpApi(HttpVerb.Any, "/any")] public static void Any(NewOrder body) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/plain")] public static void Plain(string q, int page = 1) { }
        }
        """ + Types,
        Verify.Diagnostic("SLS3005").WithLocation(0).WithArguments("order", "Api.Delete", "DELETE", "/orders"));

    [Fact]
    public Task SLS3006_UnbindableTypes() => Verify.VerifyAsync(
        """
        using System.Collections.Generic;
        using Serverless;

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] public static void Query([FromQuery] NewOrder {|SLS3006:filter|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/b")] public static void Header([FromHeader("X-Order")] Order {|SLS3006:order|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/c/{id}")] public static void Route(NewOrder {|SLS3006:id|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/d/{ids}")] public static void RouteArray(int[] {|#0:ids|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/e/{id}")] public static void ExplicitRouteList([FromRoute("id")] List<Color> {|SLS3006:colors|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/f")] public static void NullableElements([FromQuery] int?[] {|SLS3006:values|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/g")] public static void Fine([FromQuery] List<Color>? colors, [FromHeader] string[]? tags) { }
        }
        """ + Types,
        Verify.Diagnostic("SLS3006").WithLocation(0)
            .WithArguments("ids", "Api.RouteArray", "a route value", "int[]", "is a collection, and a route segment holds one value"));

    [Fact]
    public Task SLS3006_TypesWithAStaticTryParseBindAndOtherShapesDoNot() => Verify.VerifyAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using Serverless;

        // Bindable: TryParse(string, out T), TryParse(string, IFormatProvider, out T), in nested, generic-instance and partial types.
        public readonly record struct Sku(string Value) { public static bool TryParse(string? text, out Sku sku) { sku = new(text ?? ""); return true; } }
        public sealed partial class Money { public static bool TryParse(string text, IFormatProvider? provider, [NotNullWhen(true)] out Money? money) { money = null; return false; } }
        public sealed partial class Money { }
        public static class Outer { public sealed class Code { public static bool TryParse(string text, out Code code) { code = new(); return true; } } }
        public sealed class Box<T> { public static bool TryParse(string text, out Box<T> box) { box = new(); return true; } }

        // Not bindable: instance, private, wrong return, wrong out type, ref, span only, generic method, a user IFormatProvider,
        // a user interface that merely shares IParsable's name.
        public sealed class Instance { public bool TryParse(string text, out Instance value) { value = this; return true; } }
        public sealed class Hidden { private static bool TryParse(string text, out Hidden value) { value = new(); return true; } }
        public sealed class Counted { public static int TryParse(string text, out Counted value) { value = new(); return 1; } }
        public sealed class Other { public static bool TryParse(string text, out string value) { value = text; return true; } }
        public sealed class ByRef { public static bool TryParse(string text, ref ByRef value) => true; }
        public sealed class SpanOnly { public static bool TryParse(ReadOnlySpan<char> text, out SpanOnly value) { value = new(); return true; } }
        public sealed class GenericMethod { public static bool TryParse<T>(string text, out GenericMethod value) { value = new(); return true; } }
        namespace Fake { public interface IFormatProvider { } public interface IParsable<T> { } }
        public sealed class FakeProvider { public static bool TryParse(string text, Fake.IFormatProvider provider, out FakeProvider value) { value = new(); return true; } }
        public sealed class FakeParsable : Fake.IParsable<FakeParsable> { }

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/ok/{sku}")]
            public static void Fine(Sku sku, [FromQuery] Money? price, [FromHeader("X-Code")] Outer.Code? code, Sku? alternative,
                Sku[]? skus, List<Money>? prices, [FromQuery] Box<int>? box) { }

            [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] public static void A([FromQuery] Instance {|SLS3006:a|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/b")] public static void B([FromQuery] Hidden {|SLS3006:b|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/c")] public static void C([FromQuery] Counted {|SLS3006:c|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/d")] public static void D([FromQuery] Other {|SLS3006:d|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/e")] public static void E([FromQuery] ByRef {|SLS3006:e|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/f")] public static void F([FromQuery] SpanOnly {|SLS3006:f|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/g")] public static void G([FromQuery] GenericMethod {|SLS3006:g|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/h")] public static void H([FromQuery] FakeProvider {|SLS3006:h|}) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/i/{i}")] public static void I(FakeParsable {|SLS3006:i|}) { }
        }
        """);

    [Fact]
    public Task SLS3007_SameMethodAndPathTwice() => Verify.VerifyAsync(new[]
    {
        """
        using System;
        using Serverless;

        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|#3:"/orders/{id}"|})] public static void Get(Guid id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Delete, {|#2:"/orders/{id}"|})] [HttpApi(HttpVerb.Delete, {|#1:"/orders/{orderId}"|})] public static void Delete(Guid id, Guid? orderId) { }
            [LambdaFunction] [RestApi(HttpVerb.Get, "/orders/{id}")] public static void Rest(Guid id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Any, "/orders/{id}")] public static void Any(Guid id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/Orders/{id}")] public static void CaseMatters(Guid id) { }
        }
        """,
        """
        using System;
        using Serverless;

        public static class Legacy
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|#0:"/orders/{number}"|})] public static void Find(string number) { }
        }
        """,
    },
        Verify.Diagnostic("SLS3007").WithLocation(1).WithLocation(2).WithArguments("DELETE", "/orders/{orderId}", "HTTP API", "Orders.Delete"),
        Verify.Diagnostic("SLS3007").WithLocation(0).WithLocation(3).WithArguments("GET", "/orders/{number}", "HTTP API", "Orders.Get"));

    [Fact]
    public Task SLS3007_InvalidFunctionsTakeNoPartInTheCrossCheck() => Verify.VerifyAsync("""
        using System;
        using Serverless;

        public static class Orders
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/orders/{id}")] public static void Get(Guid id) { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, {|SLS3002:"/orders/{id}"|})] public static void Broken() { }
        }
        """);

    /// <summary>The lines proposed for samples/BuildGate (one violation of each HTTP error rule), as the gate would build them.</summary>
    [Fact]
    public Task EveryErrorRuleOnceAsInTheBuildGate() => Verify.VerifyAsync("""
        using Serverless;

        namespace BuildGate;

        public sealed record Order(string Id);

        public static class HttpViolations
        {
            // SLS3001: a route template must start with '/'.
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, {|SLS3001:"orders"|})]
            public static void NoSlash() { }

            // SLS3002: '{id}' has no parameter.
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, {|SLS3002:"/gate/orders/{id}"|})]
            public static void Unbound() { }

            // SLS3003: [FromRoute] names a value no route has.
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/gate/lines")]
            public static void NotInRoute([FromRoute("line")] int {|SLS3003:line|}) { }

            // SLS3004: two bodies.
            [LambdaFunction]
            [HttpApi(HttpVerb.Post, "/gate/orders")]
            public static void TwoBodies(Order a, [FromBody] Order {|SLS3004:b|}) { }

            // SLS3006: a class from the query string.
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/gate/search")]
            public static void Unbindable([FromQuery] Order {|SLS3006:filter|}) { }

            // SLS3007: GET /gate/items/{...} twice.
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/gate/items/{id}")]
            public static void Item(string id) { }

            [LambdaFunction]
            [HttpApi(HttpVerb.Get, {|SLS3007:"/gate/items/{key}"|})]
            public static void SameItem(string key) { }
        }
        """);

    [Fact]
    public Task SLS3008_ExplicitTimeoutIsReportedOnTheArgument() => Verify.VerifyAsync("""
        using Serverless;

        public static class Limits { public const int Long = 45; }

        public static class Api
        {
            [LambdaFunction(Timeout = {|SLS3008:31|})] [HttpApi(HttpVerb.Get, "/http/over")] public static void HttpOver() { }
            [LambdaFunction(Timeout = 30)] [HttpApi(HttpVerb.Get, "/http/at")] public static void HttpAtLimit() { }
            [LambdaFunction(Timeout = {|SLS3008:30|})] [RestApi(HttpVerb.Get, "/rest/over")] public static void RestOver() { }
            [LambdaFunction(Timeout = 29)] [RestApi(HttpVerb.Get, "/rest/at")] public static void RestAtLimit() { }
            [LambdaFunction(MemorySize = 256, Timeout = {|SLS3008:Limits.Long|})] [RestApi(HttpVerb.Post, "/rest/const")] public static void Constant() { }

            // Both kinds: the smaller (REST) limit applies.
            [LambdaFunction(Timeout = {|SLS3008:30|})] [HttpApi(HttpVerb.Get, "/both")] [RestApi(HttpVerb.Get, "/both")] public static void Both() { }
            [LambdaFunction(Timeout = 29)] [HttpApi(HttpVerb.Get, "/both/at")] [RestApi(HttpVerb.Get, "/both/at")] public static void BothAtLimit() { }

            // Not HTTP functions; and outside Lambda's range, which is SLS1100's.
            [LambdaFunction(Timeout = 300)] public static void Job() { }
            [LambdaFunction(Timeout = 1200)] [HttpApi(HttpVerb.Get, "/too/long")] public static void OutOfRange() { }
        }
        """);

    [Fact]
    public Task SLS3008_InheritedTimeoutIsReportedOnTheRouteAttributeWithTheLimit() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("orders", Timeout = 60)]

        public static class Api
        {
            [LambdaFunction] [{|SLS3008:HttpApi(HttpVerb.Get, "/a")|}] public static void Http() { }
            [LambdaFunction(MemorySize = 512)] [{|SLS3008:RestApi(HttpVerb.Get, "/b")|}] public static void Rest() { }
            [LambdaFunction(Timeout = 0)] [HttpApi(HttpVerb.Get, "/c")] [{|SLS3008:RestApi(HttpVerb.Get, "/c")|}] public static void RestIsSmaller() { }
            [LambdaFunction(Timeout = 20)] [HttpApi(HttpVerb.Get, "/d")] public static void OwnTimeoutWins() { }
        }
        """);

    [Fact]
    public Task SLS3008_AppDefaultAtTheHttpLimitIsOverTheRestLimit() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("orders", Timeout = 30)]

        public static class Api
        {
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/a")] public static void Http() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/b")] [{|SLS3008:RestApi(HttpVerb.Get, "/b")|}] public static void Rest() { }
        }
        """);

    [Fact]
    public Task SLS3008_LambdasDefaultTimeoutIsNotReported() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("orders", MemorySize = 512)]

        public static class Api
        {
            [LambdaFunction(MemorySize = 256)] [RestApi(HttpVerb.Get, "/c")] public static void UsesLambdaDefault() { }
            [LambdaFunction] [HttpApi(HttpVerb.Get, "/d")] [RestApi(HttpVerb.Get, "/d")] public static void Both() { }
        }
        """);

    [Fact]
    public Task SLS3008_MessageNamesTheLimitAndSuggestsAsyncWork() => Verify.VerifyAsync(
        """
        using Serverless;

        [assembly: ServerlessApp("orders", Timeout = 60)]

        public static class Api
        {
            [LambdaFunction(Name = "Report", Timeout = {|#0:120|})] [RestApi(HttpVerb.Post, "/reports")] public static void Build() { }
            [LambdaFunction] [{|#1:HttpApi(HttpVerb.Get, "/orders")|}] public static void List() { }
        }
        """,
        Verify.Diagnostic("SLS3008").WithLocation(0).WithArguments("Report", "120", "", "API Gateway REST API", "29")
            .WithMessage("HTTP function 'Report' has a timeout of 120 s, but API Gateway REST API integrations time out after 29 s: callers get a 504 while the function keeps running; set Timeout to at most 29 s, and move longer jobs to asynchronous work (an SQS queue or a Step Functions state machine)"),
        Verify.Diagnostic("SLS3008").WithLocation(1).WithArguments("ApiList", "60", " (inherited from [assembly: ServerlessApp])", "API Gateway HTTP API", "30"));

    [Fact]
    public Task NonHttpFunctionsAreNotReported() => Verify.VerifyAsync("""
        using Serverless;

        public static class Jobs
        {
            [LambdaFunction] public static void Run(NewOrder a) { }
        }
        """ + Types);
}
