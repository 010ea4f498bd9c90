using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>The HTTP part of the model: routes, binding sources and types, defaults, validations, results.</summary>
public sealed class HttpModelReaderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Serverless;

        namespace App
        {
            public enum Color { Red, Green }
            public sealed class NewOrder { public int Quantity { get; set; } }
            public sealed class Order { }
            public sealed class NotParsable { }
            [JsonSerializable(typeof(NewOrder))]
            [JsonSerializable(typeof(Order))]
            public partial class AppJson : JsonSerializerContext;
        }

        """;

    private static (Compilation Compilation, Dictionary<string, FunctionReadResult> Functions) Read(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Usings + source });
        var results = new Dictionary<string, FunctionReadResult>(StringComparer.Ordinal);
        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>())
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "LambdaFunctionAttribute");
                if (attribute is not null)
                {
                    results[type.Name + "." + method.Name] = FunctionReader.Read(method, attribute, CancellationToken.None);
                }
            }
        }

        return (compilation, results);
    }

    [Fact]
    public void RoutesAndImplicitSources()
    {
        var (_, functions) = Read("""
            namespace App
            {
                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/orders/{Id}/lines/{rest+}")]
                    [RestApi(HttpVerb.Any, "/v1/orders/{id}")]
                    public static Order? Get(Guid id, string rest, int? page, Color[] colors, NewOrder body, HttpRequestData request, CancellationToken ct) => null;
                }
            }
            """);

        var spec = functions["Api.Get"].Spec!;
        var http = spec.Http!;
        Assert.Equal(new[] { "GET /orders/{Id}/lines/{rest+} HttpApi", "ANY /v1/orders/{id} RestApi" },
            http.Routes.Select(r => r.Method + " " + r.Template + " " + r.Api));
        Assert.Equal(new[] { "Id", "rest" }, http.Routes[0].Parameters);
        Assert.Empty(functions["Api.Get"].Diagnostics);

        Assert.Equal(ParameterKind.CancellationToken, spec.Parameters[^1].Kind);
        Assert.All(spec.Parameters.Take(6), p => Assert.Equal(ParameterKind.Http, p.Kind));
        Assert.Null(spec.EventParameter);

        var id = http.Parameter("id")!;
        Assert.Equal((HttpBindingSource.Route, "Id", "global::System.Guid", true), (id.Source, id.FieldName, id.ValueType.FullyQualifiedName, id.IsRequired));
        var page = http.Parameter("page")!;
        Assert.Equal((HttpBindingSource.Query, "int", true, false), (page.Source, page.ValueType.FullyQualifiedName, page.IsNullableValueType, page.IsRequired));
        var colors = http.Parameter("colors")!;
        Assert.Equal((HttpValueKind.Enum, HttpCollectionKind.Array, true), (colors.ValueKind, colors.Collection, colors.IsRequired));
        var body = http.Parameter("body")!;
        Assert.Equal((HttpBindingSource.Body, "body", true), (body.Source, body.FieldName, body.IsRequired));
        Assert.Equal(HttpBindingSource.Request, http.Parameter("request")!.Source);

        Assert.Equal(HttpResultKind.Json, http.Result);
        Assert.True(http.NotFoundOnNull);
        Assert.Equal(new[] { "global::App.NewOrder", "global::App.Order" }, spec.JsonTypes.Select(t => t.FullyQualifiedName));
    }

    [Fact]
    public void ExplicitSourcesDefaultsAndValidations()
    {
        var (_, functions) = Read("""
            namespace App
            {
                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/orders")]
                    public static Task<IHttpResult> Create(
                        [FromHeader("X-Key")] [Required] [StringLength(10, MinimumLength = 2)] string key,
                        [FromQuery(Name = "n")] [Range(1.5, 9)] double count = 2.5,
                        [FromBody] NewOrder? order = null,
                        Color color = Color.Green,
                        [MaxLength(4)] List<long>? ids = null) => null!;
                }
            }
            """);

        var http = functions["Api.Create"].Spec!.Http!;
        var key = http.Parameter("key")!;
        Assert.Equal((HttpBindingSource.Header, "X-Key", false), (key.Source, key.FieldName, key.IsRequired));
        Assert.Equal(new[] { HttpValidationKind.Required, HttpValidationKind.StringLength }, key.Validations.Select(v => v.Kind));
        Assert.Equal(new[] { "10", "2" }, key.Validations[1].Arguments);

        var count = http.Parameter("count")!;
        Assert.Equal(("n", "(double)(2.5D)"), (count.FieldName, count.DefaultValue));
        Assert.Equal(new[] { "(double)(1.5D)", "(double)(9D)" }, count.Validations.Single().Arguments);

        var order = http.Parameter("order")!;
        Assert.Equal((HttpBindingSource.Body, false, "null"), (order.Source, order.IsRequired, order.DefaultValue));
        Assert.Equal("(global::App.Color)(1)", http.Parameter("color")!.DefaultValue);
        var ids = http.Parameter("ids")!;
        Assert.Equal((HttpCollectionKind.List, "long"), (ids.Collection, ids.ValueType.FullyQualifiedName));
        Assert.Equal(HttpValidationKind.MaxLength, ids.Validations.Single().Kind);

        Assert.Equal(HttpResultKind.HttpResult, http.Result);
        Assert.Equal(new[] { "global::App.NewOrder" }, functions["Api.Create"].Spec!.JsonTypes.Select(t => t.FullyQualifiedName));
    }

    [Fact]
    public void ValueKindsRecordHowEachTypeIsParsed()
    {
        var (_, functions) = Read("""
            namespace App
            {
                public readonly struct Sku { public static bool TryParse(string? text, out Sku sku) { sku = default; return true; } }
                public sealed class Money
                {
                    public static bool TryParse(string text, out Money money) { money = new(); return true; }
                    public static bool TryParse(string text, IFormatProvider? provider, out Money money) { money = new(); return true; }
                }
                public readonly record struct Code(string Value) : IParsable<Code>
                {
                    public static Code Parse(string s, IFormatProvider? provider) => new(s);
                    public static bool TryParse(string? s, IFormatProvider? provider, out Code result) { result = new(s ?? ""); return true; }
                    public static bool TryParse(string? s, out Code result) { result = new(s ?? ""); return true; }
                }

                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/items/{sku}")]
                    public static void Get(Sku sku, Sku? other, Money[] prices, List<Money>? offers, Code code, Color color, int page = 1) { }
                }
            }
            """);

        var http = functions["Api.Get"].Spec!.Http!;
        Assert.Equal(
            new[]
            {
                "sku Route TryParse None global::App.Sku",
                "other Query TryParse None global::App.Sku",
                "prices Query TryParseWithFormatProvider Array global::App.Money",
                "offers Query TryParseWithFormatProvider List global::App.Money",
                "code Query Parsable None global::App.Code",
                "color Query Enum None global::App.Color",
                "page Query Parsable None int",
            },
            http.Parameters.Select(p => $"{p.Name} {p.Source} {p.ValueKind} {p.Collection} {p.ValueType.FullyQualifiedName}"));
        Assert.True(http.Parameter("other")!.IsNullableValueType);
    }

    [Fact]
    public void TypedRangesBecomeCompileTimeBoundsWithTheirText()
    {
        var (_, functions) = Read("""
            namespace App
            {
                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/bookings")]
                    public static void Get(
                        [Range(typeof(decimal), "0.01", "99.5")] decimal price = 1,
                        [Range(typeof(DateOnly), "2024-01-01", "2024-12-31", ErrorMessage = "{0}: {1}..{2}")] DateOnly? day = null,
                        [Range(typeof(ushort), "1", "65536")] ushort port = 1,
                        [Range(typeof(int), "1", "5")] long count = 1) { }
                }
            }
            """);

        var http = functions["Api.Get"].Spec!.Http!;
        var price = http.Parameter("price")!.Validations.Single();
        Assert.Equal((HttpValidationKind.Range, null), (price.Kind, price.Message));
        Assert.Equal(new[] { "0.01M", "99.5M", "\"0.01\"", "\"99.5\"" }, price.Arguments);
        var day = http.Parameter("day")!.Validations.Single();
        Assert.Equal(new[] { "new global::System.DateOnly(2024, 1, 1)", "new global::System.DateOnly(2024, 12, 31)", "\"2024-01-01\"", "\"2024-12-31\"" }, day.Arguments);
        Assert.Equal("{0}: {1}..{2}", day.Message);

        // A bound that does not parse as the type, or an operand type that is not the parameter's: not checked.
        Assert.Empty(http.Parameter("port")!.Validations);
        Assert.Empty(http.Parameter("count")!.Validations);
    }

    [Fact]
    public void UncheckedRangesAreDiagnosedWithLocationsOnlyAndLeaveTheSpecAlone()
    {
        const string source = """
            namespace App
            {
                public sealed record Body([Range(typeof(int), "9", "1")] int Size);

                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/ranges")]
                    public static void Post(Body body, [Range(typeof(ushort), "1", "65536")] ushort port = 1) { }
                }
            }
            """;
        var (compilation, functions) = Read(source);
        var analyzed = functions["Api.Post"];
        Assert.Equal(new[] { ("SLS3017", false), ("SLS3017", true) }, analyzed.Diagnostics.Select(d => (d.Id, d.Shared)).OrderBy(d => d.Shared));
        Assert.Contains("'65536' is not a valid ushort", analyzed.Diagnostics[0].ToString() + analyzed.Diagnostics[1].ToString());

        // The generator's mode reads the same spec and spends nothing on SLS3017.
        var method = compilation.GetTypeByMetadataName("App.Api")!.GetMembers("Post").OfType<IMethodSymbol>().Single();
        var generated = FunctionReader.Read(method, method.GetAttributes().First(a => a.AttributeClass?.Name == "LambdaFunctionAttribute"),
            captureLocations: false, CancellationToken.None);
        Assert.Empty(generated.Diagnostics);
        Assert.Equal(analyzed.Spec!.Http, generated.Spec!.Http);
        var size = Assert.Single(generated.Spec.Http!.Parameter("body")!.BodyProperties).Validations.Single();
        Assert.Equal(new[] { "(int)(9L)", "(int)(1L)", "\"9\"", "\"1\"" }, size.Arguments);
    }

    [Fact]
    public void DeclaredResponsesAreResolvedSpecsTheSameInBothModes()
    {
        const string source = """
            namespace App
            {
                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/orders")]
                    [HttpResponse(201, typeof(Order))]
                    [HttpResponse(400, typeof(HttpProblemDetails), Description = "Bad order")]
                    [HttpResponse(200, typeof(string), ContentType = "text/csv")]
                    [HttpResponse(302)]
                    [HttpResponse(204, typeof(Order))]
                    [HttpResponse(302, Description = "Again")]
                    [HttpResponse(1000)]
                    public static IHttpResult Create([FromBody] NewOrder order) => HttpResults.Ok();
                }
            }
            """;
        var (compilation, functions) = Read(source);
        var analyzed = functions["Api.Create"];
        Assert.Equal(
            new[]
            {
                new HttpResponseSpec(201, new TypeRef("global::App.Order", "App.Order"), "application/json", null),
                new HttpResponseSpec(400, new TypeRef("global::Serverless.HttpProblemDetails", "Serverless.HttpProblemDetails"), "application/problem+json", "Bad order"),
                new HttpResponseSpec(200, new TypeRef("string", "string"), "text/csv", null),
                new HttpResponseSpec(302, null, null, null),
                new HttpResponseSpec(204, null, null, null),
            },
            analyzed.Spec!.Http!.Responses);
        // Only the first is a body the app's context writes; each response's attribute is where its diagnostics go.
        Assert.Equal(new[] { true, false, false, false, false }, analyzed.Spec.Http.Responses.Select(r => r.IsContextJson));
        Assert.Equal(new[] { "global::App.NewOrder", "global::App.Order" }, analyzed.Spec.JsonTypes.Select(t => t.FullyQualifiedName));
        Assert.Equal(5, analyzed.Locations.Responses.Count);
        Assert.Equal(new[] { "SLS3018", "SLS3019", "SLS3018" }, analyzed.Diagnostics.Select(d => d.Id));

        var method = compilation.GetTypeByMetadataName("App.Api")!.GetMembers("Create").OfType<IMethodSymbol>().Single();
        var generated = FunctionReader.Read(method, method.GetAttributes().First(a => a.AttributeClass?.Name == "LambdaFunctionAttribute"),
            captureLocations: false, CancellationToken.None);
        Assert.Empty(generated.Diagnostics);
        Assert.Equal(analyzed.Spec.Http, generated.Spec!.Http);
    }

    [Theory]
    [InlineData("[HttpApi(HttpVerb.Get, \"orders\")]", "string id")]
    [InlineData("[HttpApi(HttpVerb.Get, \"/orders/{id}/{id}\")]", "string id")]
    [InlineData("[HttpApi(HttpVerb.Get, \"/files/{path+}/x\")]", "string path")]
    [InlineData("[HttpApi(HttpVerb.Get, \"/orders//x\")]", "string id")]
    [InlineData("[HttpApi(HttpVerb.Get, \"/orders\")]", "[FromQuery] NotParsable id")]
    [InlineData("[HttpApi(HttpVerb.Get, \"/orders/{id}\")]", "int[] id")]
    [InlineData("[HttpApi(HttpVerb.Post, \"/orders\")]", "NewOrder a, [FromBody] NewOrder b")]
    public void UnusableRoutesAndParametersGiveNoSpec(string route, string parameters)
    {
        var (_, functions) = Read("namespace App { public static class Api { [LambdaFunction] " + route + " public static void Run(" + parameters + ") { } } }");

        Assert.Null(functions["Api.Run"].Spec);
    }

    [Theory]
    [InlineData("/", new string[0])]
    [InlineData("/orders/{id}", new[] { "id" })]
    [InlineData("/a/{b}/c/{proxy+}", new[] { "b", "proxy" })]
    public void RouteTemplates(string template, string[] names)
    {
        Assert.True(HttpRouteTemplateParser.TryParse(template, out var parsed, out _));
        Assert.Equal(names, parsed);
    }
}
