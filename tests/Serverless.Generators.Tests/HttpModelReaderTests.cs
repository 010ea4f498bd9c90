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
