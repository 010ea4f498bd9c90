using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>
/// The OpenAPI facts of the manifest: per route parameters, request body and responses, and the root "schemas" map,
/// read from the user's types as System.Text.Json serializes them under the app's context options.
/// </summary>
public sealed class OpenApiManifestTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Serverless;

        """;

    private const string Catalog = """
        namespace App
        {
            public enum Size { Small = 1, Large = 5 }

            [JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
            public enum Shade { Light, Dark }

            public class Entity { public Guid Id { get; set; } }

            public sealed class Product : Entity
            {
                public required string Name { get; set; }
                [JsonPropertyName("sku_code")] public string SkuCode { get; set; } = "";
                [JsonIgnore] public string Secret { get; set; } = "";
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; set; }
                [Range(0.01, 9999.99)] public decimal Price { get; set; }
                [Range(typeof(decimal), "0", "100.5")] public decimal Discount { get; set; }
                [Range(typeof(DateTime), "2000-01-01", "2100-01-01")] public DateTime Listed { get; set; }
                [StringLength(40, MinimumLength = 2)] public string Title { get; set; } = "";
                [RegularExpression("^[A-Z]{3}$")] public string Currency { get; set; } = "EUR";
                [EmailAddress] public string? Contact { get; set; }
                [Required, MinLength(1), MaxLength(10)] public List<string> Tags { get; set; } = new();
                public Dictionary<string, int> Stock { get; set; } = new();
                public Size Size { get; set; }
                public Shade Shade { get; set; }
                public int? Rating { get; set; }
                public DateOnly Since { get; set; }
                public TimeOnly Opens { get; set; }
                public long Views { get; set; }
                public float Weight { get; set; }
                public byte[] Thumbnail { get; set; } = Array.Empty<byte>();
                public Category? Category { get; set; }
                public static int Count { get; set; }
                public int this[int i] => i;
            }

            public sealed class Category
            {
                public string Name { get; set; } = "";
                public Category? Parent { get; set; }
                public IReadOnlyList<Category> Children { get; set; } = Array.Empty<Category>();
            }

            public sealed record NewProduct([Required][StringLength(40)] string Name, [Range(1, 5)] int Stars);

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Product))]
            [JsonSerializable(typeof(Product[]))]
            [JsonSerializable(typeof(NewProduct))]
            public partial class AppJson : JsonSerializerContext;

            public static class Products
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}")]
                public static Product? Get(Guid id, [FromQuery] Size size = Size.Large, [FromHeader("X-Trace")] string? trace = null) => null;

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products")]
                public static Task<Product[]> Search([Range(1, 100)] int page = 1, [MaxLength(3)] int[]? ids = null, [Required] string? q = null, Shade shade = Shade.Dark) =>
                    Task.FromResult(Array.Empty<Product>());

                [LambdaFunction]
                [RestApi(HttpVerb.Post, "/products")]
                public static IHttpResult Create([FromBody] NewProduct product) => HttpResults.NoContent();

                [LambdaFunction]
                [HttpApi(HttpVerb.Delete, "/products/{id}")]
                [HttpApi(HttpVerb.Any, "/files/{proxy+}")]
                public static void Delete([FromRoute] Guid? id, string proxy = "") { }

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/raw")]
                public static string Raw(HttpRequestData request) => "";
            }
        }

        """;

    [Fact]
    public void RoutesCarryParametersBodyAndResponses()
    {
        var (functions, schemas) = Manifest(GeneratorHarness.Run(Usings + Catalog));

        var get = Route(functions, "ProductsGet", 0);
        Assert.Equal("""[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}},{"name":"size","in":"query","schema":{"type":"string","enum":["Small","Large"],"default":"Large"}},{"name":"X-Trace","in":"header","schema":{"type":"string"}}]""",
            get["parameters"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Product"}}}},"404":{"description":"Not Found (the function returned null)"},"400":{"description":"The request is not valid (every problem, keyed by field)","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/HttpValidationProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            get["responses"]!.ToJsonString(Relaxed));
        Assert.Null(get["requestBody"]);

        var search = Route(functions, "ProductsSearch", 0);
        Assert.Equal("""[{"name":"page","in":"query","schema":{"type":"integer","format":"int32","minimum":1,"maximum":100,"default":1}},{"name":"ids","in":"query","schema":{"type":"array","items":{"type":"integer","format":"int32"},"maxItems":3}},{"name":"q","in":"query","required":true,"schema":{"type":"string"}},{"name":"shade","in":"query","schema":{"type":"string","enum":["Light","Dark"],"default":"Dark"}}]""",
            search["parameters"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"array","items":{"$ref":"#/components/schemas/Product"}}""",
            search["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString(Relaxed));

        var create = Route(functions, "ProductsCreate", 0);
        Assert.Equal("""{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewProduct"}}}}""", create["requestBody"]!.ToJsonString(Relaxed));
        Assert.Equal(new[] { "default", "400", "500" }, create["responses"]!.AsObject().Select(p => p.Key));

        // Each route gets the route values its own template has; the greedy one keeps the template's name.
        var delete = Route(functions, "ProductsDelete", 0);
        Assert.Equal(new[] { "id" }, delete["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal(new[] { "204", "400", "500" }, delete["responses"]!.AsObject().Select(p => p.Key));
        var greedy = Route(functions, "ProductsDelete", 1);
        Assert.Equal("""[{"name":"proxy+","in":"path","required":true,"schema":{"type":"string","default":""}}]""", greedy["parameters"]!.ToJsonString(Relaxed));

        // The raw request binds nothing the gateway can reject: no parameters, no 400.
        var raw = Route(functions, "ProductsRaw", 0);
        Assert.Null(raw["parameters"]);
        Assert.Equal(new[] { "200", "500" }, raw["responses"]!.AsObject().Select(p => p.Key));

        Assert.Equal(new[] { "Category", "HttpValidationProblemDetails", "NewProduct", "ProblemDetails", "Product", "Shade", "Size" }, schemas.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SchemasFollowTheContextAndDataAnnotations()
    {
        var (_, schemas) = Manifest(GeneratorHarness.Run(Usings + Catalog, new GeneratorTestOptions { CheckBaselines = false }));

        var product = schemas["Product"]!;
        var properties = product["properties"]!.AsObject();
        // Base type first, camelCase by the context, [JsonPropertyName] as written, [JsonIgnore] (always) left out.
        Assert.Equal(
            new[] { "id", "name", "sku_code", "note", "price", "discount", "listed", "title", "currency", "contact", "tags", "stock", "size", "shade", "rating", "since", "opens", "views", "weight", "thumbnail", "category" },
            properties.Select(p => p.Key));
        Assert.Equal("""["name","tags"]""", product["required"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"number","minimum":0.01,"maximum":9999.99}""", properties["price"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"number","minimum":0,"maximum":100.5}""", properties["discount"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","format":"date-time"}""", properties["listed"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","minLength":2,"maxLength":40}""", properties["title"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","pattern":"^[A-Z]{3}$"}""", properties["currency"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","format":"email","nullable":true}""", properties["contact"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":10}""", properties["tags"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"integer","format":"int32"}}""", properties["stock"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"$ref":"#/components/schemas/Size"}""", properties["size"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"integer","format":"int32","nullable":true}""", properties["rating"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","format":"date"}""", properties["since"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","format":"time"}""", properties["opens"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"integer","format":"int64"}""", properties["views"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"number","format":"float"}""", properties["weight"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","format":"byte"}""", properties["thumbnail"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"allOf":[{"$ref":"#/components/schemas/Category"}],"nullable":true}""", properties["category"]!.ToJsonString(Relaxed));

        // Enums are numbers unless a string converter says otherwise (here: on the enum type).
        Assert.Equal("""{"type":"integer","format":"int32","enum":[1,5]}""", schemas["Size"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"string","enum":["Light","Dark"]}""", schemas["Shade"]!.ToJsonString(Relaxed));

        // A type that contains itself is one definition that refers to itself.
        Assert.Equal("""{"type":"object","properties":{"name":{"type":"string"},"parent":{"allOf":[{"$ref":"#/components/schemas/Category"}],"nullable":true},"children":{"type":"array","items":{"$ref":"#/components/schemas/Category"}}}}""",
            schemas["Category"]!.ToJsonString(Relaxed));

        // A positional record's DataAnnotations sit on the constructor parameters.
        Assert.Equal("""{"type":"object","properties":{"name":{"type":"string","maxLength":40},"stars":{"type":"integer","format":"int32","minimum":1,"maximum":5}},"required":["name"]}""",
            schemas["NewProduct"]!.ToJsonString(Relaxed));
    }

    [Theory]
    [InlineData("PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower", "order_id", "http_status_code", "integer")]
    [InlineData("PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper", "ORDER-ID", "HTTP-STATUS-CODE", "integer")]
    [InlineData("System.Text.Json.JsonSerializerDefaults.Web", "orderId", "httpStatusCode", "integer")]
    [InlineData("UseStringEnumConverter = true", "OrderId", "HTTPStatusCode", "string")]
    [InlineData("Converters = new[] { typeof(JsonStringEnumConverter) }", "OrderId", "HTTPStatusCode", "string")]
    public void ContextOptionsNameProperties(string options, string orderId, string statusCode, string enumType)
    {
        var (_, schemas) = Manifest(GeneratorHarness.Run(Usings + $$"""
            namespace App
            {
                public enum Level { Low, High }
                public sealed class Receipt { public int OrderId { get; set; } public int HTTPStatusCode { get; set; } public Level Level { get; set; } }

                [JsonSourceGenerationOptions({{options}})]
                [JsonSerializable(typeof(Receipt))]
                public partial class AppJson : JsonSerializerContext;

                public static class Receipts
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/receipt")]
                    public static Receipt Get() => new();
                }
            }
            """, new GeneratorTestOptions { CheckBaselines = false }));

        var properties = schemas["Receipt"]!["properties"]!.AsObject();
        Assert.Equal(new[] { orderId, statusCode }, properties.Select(p => p.Key).Take(2));
        Assert.Equal(enumType, (string)schemas["Level"]!["type"]!);
    }

    [Fact]
    public void TypesSharingANameGetDistinctComponents()
    {
        var (functions, schemas) = Manifest(GeneratorHarness.Run(Usings + """
            namespace App.Sales { public sealed class Order { public int Total { get; set; } } }
            namespace App.Returns { public sealed class Order { public string Reason { get; set; } = ""; } }
            namespace App
            {
                [JsonSerializable(typeof(App.Sales.Order))]
                [JsonSerializable(typeof(App.Returns.Order), TypeInfoPropertyName = "ReturnOrder")]
                public partial class AppJson : JsonSerializerContext;

                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/sales")]
                    public static App.Sales.Order Sale() => new();

                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/returns")]
                    public static App.Returns.Order Return() => new();
                }
            }
            """, new GeneratorTestOptions { CheckBaselines = false }));

        // Functions in name order: ApiReturn's type names its component first.
        Assert.Equal("#/components/schemas/Order", (string)Route(functions, "ApiReturn", 0)["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal("#/components/schemas/Order2", (string)Route(functions, "ApiSale", 0)["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.NotNull(schemas["Order"]!["properties"]!["Reason"]);
        Assert.NotNull(schemas["Order2"]!["properties"]!["Total"]);
    }

    [Fact]
    public void ComponentNamesAreValidOpenApiKeys()
    {
        var (functions, schemas) = Manifest(GeneratorHarness.Run(Usings + """
            namespace App
            {
                public sealed class Bestellübersicht { public int Anzahl { get; set; } }
                public sealed class Bestell_bersicht { public int Other { get; set; } }
                public sealed class Page<T> { public List<T> Items { get; set; } = new(); }
                public static class Outer { public sealed class Inner { public Page<Bestell_bersicht>? Next { get; set; } } }

                [JsonSerializable(typeof(Bestellübersicht))]
                [JsonSerializable(typeof(Outer.Inner))]
                public partial class AppJson : JsonSerializerContext;

                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/a")]
                    public static Bestellübersicht A() => new();

                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/b")]
                    public static Outer.Inner B() => new();
                }
            }
            """, new GeneratorTestOptions { CheckBaselines = false }));

        Assert.Equal(new[] { "Bestell_bersicht", "Bestell_bersicht2", "HttpValidationProblemDetails", "Inner", "PageBestell_bersicht", "ProblemDetails" },
            schemas.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(schemas.Select(p => p.Key), key => Assert.Matches("^[a-zA-Z0-9.\\-_]+$", key));
        Assert.Equal("#/components/schemas/Bestell_bersicht", (string)Route(functions, "ApiA", 0)["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
    }

    [Fact]
    public void HalfTypedBodyTypesDocumentWhatIsKnown()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public sealed class Draft<T>
                {
                    public Missing Broken { get; set; } = null!;
                    public T Value { get; set; } = default!;
                    public object Anything { get; set; } = new();
                    public System.Text.Json.JsonElement Raw { get; set; }
                    [Range(typeof(int), "one", "ten")] public int Odd { get; set; }
                }

                [JsonSerializable(typeof(Draft<int>))]
                public partial class AppJson : JsonSerializerContext;

                public static class Drafts
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/drafts")]
                    public static Draft<int> Save([FromBody] Draft<int> draft) => draft;
                }
            }
            """, new GeneratorTestOptions { ExpectCompileErrors = true, CheckBaselines = false });

        var (_, schemas) = Manifest(result);
        Assert.Equal("""{"type":"object","properties":{"Broken":{},"Value":{"type":"integer","format":"int32"},"Anything":{},"Raw":{},"Odd":{"type":"integer","format":"int32"}}}""",
            schemas["DraftInt32"]!.ToJsonString(Relaxed));
    }

    private const string Declared = """
        namespace App
        {
            public sealed class Product { public string Name { get; set; } = ""; }
            public sealed class Taken { public string Sku { get; set; } = ""; public Product? Holder { get; set; } }

            [JsonSerializable(typeof(Product))]
            [JsonSerializable(typeof(Taken))]
            public partial class AppJson : JsonSerializerContext;

            public static class Products
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Post, "/products")]
                [HttpResponse(409, typeof(Taken), Description = "The SKU is taken")]
                [HttpResponse(201, typeof(Product))]
                [HttpResponse(400, typeof(HttpProblemDetails), Description = "The product is not valid")]
                public static IHttpResult Create([FromBody] Product product) => HttpResults.Created("/products/1", product);

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}/label")]
                [HttpResponse(200, typeof(string), ContentType = "text/plain")]
                [HttpResponse(200, typeof(byte[]), ContentType = "image/png", Description = "The label, as text or an image")]
                [HttpResponse(200, ContentType = "application/xml")]
                [HttpResponse(302)]
                [HttpResponse(404, ContentType = "text/html")]
                public static IHttpResult Label(int id) => HttpResults.Text("label");

                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/products/{id}")]
                [HttpResponse(404, typeof(HttpProblemDetails))]
                [HttpResponse(409, Description = "Archived")]
                public static Product? Get(int id) => null;

                [LambdaFunction]
                [HttpApi(HttpVerb.Delete, "/products/{id}")]
                [HttpResponse(700)]
                [HttpResponse(204, typeof(Product))]
                [HttpResponse(409)]
                [HttpResponse(409, Description = "Again")]
                public static IHttpResult Delete(int id) => HttpResults.NoContent();
            }
        }

        """;

    [Fact]
    public void Declared_responses_document_what_an_IHttpResult_returns()
    {
        var (functions, schemas) = Manifest(GeneratorHarness.Run(Usings + Declared, new GeneratorTestOptions { CheckBaselines = false }));

        // Declared statuses in order after the build's own; a declared 400 is the binding errors' 400, its content replacing theirs of the same media type.
        Assert.Equal("""{"201":{"description":"Created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Product"}}}},"409":{"description":"The SKU is taken","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Taken"}}}},"400":{"description":"The product is not valid","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            Route(functions, "ProductsCreate", 0)["responses"]!.ToJsonString(Relaxed));

        // One status, three media types: text is a string, an image a binary string, XML without a type a string (a text
        // media type, as the runtime sends it); a redirect and an HTML page without a type.
        Assert.Equal("""{"200":{"description":"The label, as text or an image","content":{"text/plain":{"schema":{"type":"string"}},"image/png":{"schema":{"type":"string","format":"binary"}},"application/xml":{"schema":{"type":"string"}}}},"302":{"description":"Found"},"404":{"description":"Not Found","content":{"text/html":{"schema":{"type":"string"}}}},"400":{"description":"The request is not valid (every problem, keyed by field)","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/HttpValidationProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            Route(functions, "ProductsLabel", 0)["responses"]!.ToJsonString(Relaxed));

        // A typed result keeps its 200 and 404; the declared 404 body joins the 404, the 409 is added.
        Assert.Equal("""{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Product"}}}},"404":{"description":"Not Found (the function returned null)","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}},"409":{"description":"Archived"},"400":{"description":"The request is not valid (every problem, keyed by field)","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/HttpValidationProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            Route(functions, "ProductsGet", 0)["responses"]!.ToJsonString(Relaxed));

        // What SLS3018/SLS3019 report is left out: no status 700, no body on 204, the first 409.
        Assert.Equal("""{"204":{"description":"No Content"},"409":{"description":"Conflict"},"400":{"description":"The request is not valid (every problem, keyed by field)","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/HttpValidationProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            Route(functions, "ProductsDelete", 0)["responses"]!.ToJsonString(Relaxed));

        // The declared types share the components of the others; HttpProblemDetails is the runtime's problem.
        Assert.Equal(new[] { "HttpValidationProblemDetails", "ProblemDetails", "Product", "Taken" }, schemas.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("""{"type":"object","properties":{"Sku":{"type":"string"},"Holder":{"allOf":[{"$ref":"#/components/schemas/Product"}],"nullable":true}}}""",
            schemas["Taken"]!.ToJsonString(Relaxed));
    }

    [Fact]
    public void Malformed_declared_responses_document_what_is_known()
    {
        var (functions, _) = Manifest(GeneratorHarness.Run(Usings + """
            namespace App
            {
                public static class Api
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/a")]
                    [HttpResponse(201, typeof(Missing))]
                    [HttpResponse(202, null)]
                    [HttpResponse("x")]
                    [HttpResponse(203, ContentType = " ")]
                    [HttpResponse(200, typeof(int), ContentType = "application/vnd.api+json")]
                    [HttpResponse(204, typeof(void))]
                    [HttpResponse(206, typeof(List<>))]   // an open type: nothing to document
                    public static IHttpResult A() => HttpResults.Ok();
                }
            }
            """, new GeneratorTestOptions { ExpectCompileErrors = true, CheckBaselines = false }));

        Assert.Equal("""{"200":{"description":"OK","content":{"application/vnd.api+json":{"schema":{"type":"integer","format":"int32"}}}},"203":{"description":"Non-Authoritative Information"},"204":{"description":"No Content"},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}""",
            Route(functions, "ApiA", 0)["responses"]!.ToJsonString(Relaxed));
    }

    /// <summary>A declared response's type is followed like a result type: editing it in another file updates its schema.</summary>
    [Fact]
    public void Editing_a_declared_response_type_in_another_file_updates_its_schema()
    {
        const string Function = """
            using System.Text.Json.Serialization;
            using Serverless;
            namespace App
            {
                [JsonSerializable(typeof(Order))]
                public partial class AppJson : JsonSerializerContext;

                public static class Orders
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/order")]
                    [HttpResponse(201, typeof(Order))]
                    public static IHttpResult Create() => HttpResults.Created("/order");
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(new[] { Function, "namespace App { public sealed class Order { public int Total { get; set; } } }" });
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(new[] { "Total" }, OrderProperties(driver));

        var typeTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(typeTree, typeTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "namespace App { public sealed class Order { public int Total { get; set; } public string? Note { get; set; } } }"))));

        Assert.Equal(new[] { "Total", "Note" }, OrderProperties(driver));
    }

    /// <summary>
    /// The schemas follow the user's types through the pipeline: editing a result type in another file (nothing about
    /// the function itself) re-reads the function and changes the manifest's schema.
    /// </summary>
    [Fact]
    public void Editing_a_result_type_in_another_file_updates_its_schema()
    {
        const string Function = """
            using System.Text.Json.Serialization;
            using Serverless;
            namespace App
            {
                [JsonSerializable(typeof(Order))]
                public partial class AppJson : JsonSerializerContext;

                public static class Orders
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/order")]
                    public static Order Get() => new();
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(new[] { Function, "namespace App { public sealed class Order { public int Total { get; set; } } }" });
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(new[] { "Total" }, OrderProperties(driver));

        var typeTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(typeTree, typeTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "namespace App { public sealed class Order { public int Total { get; set; } public string? Note { get; set; } } }")));
        driver = driver.RunGenerators(edited);

        Assert.Equal(new[] { "Total", "Note" }, OrderProperties(driver));
        var functions = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Functions];
        Assert.Contains(functions.SelectMany(s => s.Outputs), o => o.Reason == Microsoft.CodeAnalysis.IncrementalStepRunReason.Modified);

    }

    private static IEnumerable<string> OrderProperties(Microsoft.CodeAnalysis.GeneratorDriver driver)
    {
        var manifest = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == "ServerlessManifest.g.cs").SourceText.ToString();
        var literal = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(manifest).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Single();
        return JsonNode.Parse(literal.Token.ValueText)!["schemas"]!["Order"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Route(Dictionary<string, JsonObject> functions, string function, int index) =>
        functions[function]["http"]!.AsArray()[index]!.AsObject();

    private static (Dictionary<string, JsonObject> Functions, JsonObject Schemas) Manifest(GeneratorTestResult result)
    {
        var root = JsonNode.Parse(GeneratedManifest.Json(result))!.AsObject();
        var functions = root["functions"]!.AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["name"]!);
        return (functions, root["schemas"]!.AsObject());
    }
}
