using System.Text.Json;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>[HttpApi]/[RestApi] functions: route wrappers, definitions with routes, manifest entries.</summary>
public sealed class HttpGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        """;

    private const string Types = """
        namespace App
        {
            public enum Color { Red, Green }
            public sealed class NewOrder { public string Product { get; set; } = ""; public int Quantity { get; set; } }
            public sealed class Order { public Guid Id { get; set; } public string Product { get; set; } = ""; }
            public interface IOrderStore { Order? Find(Guid id); }

            [JsonSerializable(typeof(NewOrder))]
            [JsonSerializable(typeof(Order))]
            [JsonSerializable(typeof(Order[]))]
            public partial class AppJson : JsonSerializerContext;

            [LambdaStartup]
            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) { }
            }
        }

        """;

    [Fact]
    public void HttpBindingSourcesAndTypes()
    {
        var result = GeneratorHarness.Run(Usings + Types + """
            namespace App
            {
                public sealed class OrdersApi(IOrderStore store)
                {
                    [LambdaFunction(MemorySize = 512, Timeout = 10)]
                    [HttpApi(HttpVerb.Get, "/orders/{id}")]
                    public Task<Order?> Get(Guid id, [FromQuery] bool lines = false, CancellationToken cancellationToken = default) =>
                        Task.FromResult(store.Find(id));

                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/orders")]
                    public Order[] Search(
                        string? q,
                        int page = 1,
                        long? since = null,
                        Color color = Color.Green,
                        Color? tint = null,
                        int[] ids = null!,
                        List<Color>? colors = null,
                        DateTimeOffset? after = null,
                        decimal min = 0.5m,
                        [FromHeader("X-Api-Key")] string apiKey = "none",
                        [FromQuery(Name = "when")] DateOnly day = default,
                        TimeOnly? at = null,
                        double ratio = 1.5) => Array.Empty<Order>();

                    [LambdaFunction]
                    [RestApi(HttpVerb.Post, "/orders")]
                    public async Task<IHttpResult> Create([FromBody] NewOrder body, HttpRequestData request, ILambdaContext context, [FromServices] IOrderStore other)
                    {
                        await Task.Yield();
                        return HttpResults.Created("/orders/1", new Order(), AppJson.Default.Order);
                    }

                    [LambdaFunction]
                    [HttpApi(HttpVerb.Delete, "/orders/{id}")]
                    [HttpApi(HttpVerb.Any, "/legacy/orders/{id}")]
                    public void Delete(Guid id) { }
                }

                public static class Files
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/files/{path+}")]
                    public static string Get(string path, NewOrder? optionalBody) => path;
                }
            }
            """);

        var get = result.File("Functions/OrdersApiGet.g.cs");
        Assert.Contains("HttpBinder.Parse<global::System.Guid>(request.RouteValues[\"id\"], \"id\", errors)", get);
        Assert.Contains("HttpBinder.ParseOptional<bool>(request.Query[\"lines\"], \"lines\", errors, false)", get);
        Assert.Contains("result is null ? global::Serverless.HttpResults.NotFound() : global::Serverless.HttpResults.Ok<global::App.Order>(result, global::App.AppJson.Default.Order)", get);
        Assert.Contains("HttpFunction.InvokeAsync(invocation, route, global::App.AppJson.Default.Options)", get);
        Assert.Contains("new global::Serverless.Runtime.Http.HttpRouteDefinition(\"GET\", \"/orders/{id}\", global::Serverless.Runtime.Http.HttpPayloadFormat.Version2)", get);

        var search = result.File("Functions/OrdersApiSearch.g.cs");
        Assert.Contains("ParseOptional<string>(request.Query[\"q\"], \"q\", errors)", search);
        Assert.Contains("ParseNullable<long>(request.Query[\"since\"], \"since\", errors)", search);
        Assert.Contains("ParseEnumOptional<global::App.Color>(request.Query[\"color\"], \"color\", errors, (global::App.Color)(1))", search);
        Assert.Contains("ParseArray<int>(request.Query.GetValues(\"ids\"), \"ids\", errors)", search);
        Assert.Contains("ParseEnumList<global::App.Color>(request.Query.GetValues(\"colors\"), \"colors\", errors)", search);
        Assert.Contains("request.Headers[\"X-Api-Key\"], \"X-Api-Key\", errors, \"none\")", search);
        Assert.Contains("request.Query[\"when\"], \"when\", errors)", search);

        var create = result.File("Functions/OrdersApiCreate.g.cs");
        Assert.Contains("HttpBinder.Body<global::App.NewOrder>(request, global::App.AppJson.Default.NewOrder, errors)!", create);
        Assert.Contains("HttpPayloadFormat.Version1", create);
        Assert.Contains("return await target.Create(", create);

        var delete = result.File("Functions/OrdersApiDelete.g.cs");
        Assert.Contains("global::Serverless.HttpResults.NoContent()", delete);
        Assert.Contains("\"ANY\", \"/legacy/orders/{id}\"", delete);

        var files = result.File("Functions/FilesGet.g.cs");
        Assert.Contains("request.RouteValues[\"path\"]", files);
        Assert.Contains("required: false", files);

        var manifest = ManifestFunctions(result);
        Assert.Equal("GET /orders/{id} HttpApi", RouteOf(manifest["OrdersApiGet"].GetProperty("http")[0]));
        Assert.Equal("POST /orders RestApi", RouteOf(manifest["OrdersApiCreate"].GetProperty("http")[0]));
        Assert.Equal(1, manifest["OrdersApiGet"].GetProperty("http").GetArrayLength());
        Assert.Equal(2, manifest["OrdersApiDelete"].GetProperty("http").GetArrayLength());
    }

    [Fact]
    public void HttpValidationAttributes()
    {
        var result = GeneratorHarness.Run(Usings + Types + """
            namespace App
            {
                public static class Greetings
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/greetings/{name}")]
                    public static string Get(
                        [StringLength(20, MinimumLength = 2)] [RegularExpression("^[a-z]+$")] string name,
                        [Range(1, 10)] int times = 1,
                        [Range(0.5, 2.5, ErrorMessage = "{0} is out of range")] decimal? scale = null,
                        [Required] [EmailAddress] string? email = null,
                        [MinLength(1)] [MaxLength(3)] string[]? tags = null,
                        [Required] int? count = null) => name;
                }
            }
            """);

        var get = result.File("Functions/GreetingsGet.g.cs");
        Assert.Contains("new global::System.Text.RegularExpressions.Regex(\"^[a-z]+$\")", get);
        Assert.Contains("HttpValidation.StringLength(p_name, 20, 2, \"name\", errors);", get);
        Assert.Contains("HttpValidation.Range<int>(p_times, (int)(1), (int)(10), \"times\", errors);", get);
        Assert.Contains("HttpValidation.Range<decimal>(p_scale, (decimal)(0.5D), (decimal)(2.5D), \"scale\", errors, \"{0} is out of range\");", get);
        Assert.Contains("HttpValidation.Required(p_email, \"email\", errors);", get);
        Assert.Contains("HttpValidation.EmailAddress(p_email, \"email\", errors);", get);
        Assert.Contains("HttpValidation.MaxLength(p_tags, 3, \"tags\", errors);", get);
        Assert.Contains("HttpValidation.Required(p_count, \"count\", errors);", get);
        Assert.Contains("if (errors[\"times\"].Count == 0)", get);
    }

    [Fact]
    public void HttpBodyPropertyValidation()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public sealed record NewProduct(
                    [Required] [StringLength(40, MinimumLength = 2)] string Name,
                    [property: Range(0.01, 10000)] decimal Price,
                    [RegularExpression("^[A-Z]{3}$")] string? Currency = null);

                public sealed class NewCustomer
                {
                    [Required, EmailAddress] public string? Email { get; set; }
                    [JsonPropertyName("tags")] [MinLength(1)] [MaxLength(5)] public List<string>? Labels { get; set; }
                    [Range(18, 130)] public int? Age { get; set; }
                    public string Note { get; set; } = "";
                }

                [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
                [JsonSerializable(typeof(NewProduct))]
                [JsonSerializable(typeof(NewCustomer))]
                public partial class ShopJson : JsonSerializerContext;

                public static class Shop
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/products")]
                    public static NewProduct AddProduct([FromBody] NewProduct product) => product;

                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/customers")]
                    public static void AddCustomer([FromBody] NewCustomer? customer) { }
                }
            }
            """);

        var product = result.File("Functions/ShopAddProduct.g.cs");
        Assert.Contains("var fields_product = errors.Count;", product);
        Assert.Contains("private static readonly string Field_product_Name = global::Serverless.Runtime.Http.HttpBinder.JsonPath(global::App.ShopJson.Default.Options, \"Name\");", product);
        Assert.Contains("var b_product = p_product;", product);
        Assert.Contains("if (b_product is not null && errors.Count == fields_product)", product);
        Assert.Contains("HttpValidation.Required(b_product.Name, Field_product_Name, errors);", product);
        Assert.Contains("HttpValidation.StringLength(b_product.Name, 40, 2, Field_product_Name, errors);", product);
        Assert.Contains("HttpValidation.Range<decimal>(b_product.Price, (decimal)(0.01D), (decimal)(10000D), ", product);
        Assert.Contains("HttpValidation.RegularExpression(b_product.Currency, Pattern_product_Currency_0, ", product);

        var customer = result.File("Functions/ShopAddCustomer.g.cs");
        Assert.Contains("if (b_customer is not null && errors.Count == fields_customer)", customer);
        Assert.Contains("HttpValidation.Required(b_customer.Email, ", customer);
        Assert.Contains("HttpValidation.EmailAddress(b_customer.Email, ", customer);
        Assert.Contains("HttpValidation.MinLength(b_customer.Labels, 1, \"$.tags\", errors);", customer);
        Assert.Contains("HttpValidation.MaxLength(b_customer.Labels, 5, \"$.tags\", errors);", customer);
        Assert.Contains("HttpValidation.Range<int>(b_customer.Age, (int)(18), (int)(130), ", customer);
        Assert.DoesNotContain("b_customer.Note", customer);
    }

    [Fact]
    public void HttpTypesWithOnlyAStaticTryParseAreCalledDirectly()
    {
        var result = GeneratorHarness.Run(Usings + """
            using System.Diagnostics.CodeAnalysis;

            namespace App
            {
                // No IParsable<T>: the wrapper calls these directly.
                public readonly record struct Sku(string Value)
                {
                    public static bool TryParse(string? text, out Sku sku)
                    {
                        sku = new Sku(text ?? "");
                        return text is { Length: 8 };
                    }
                }

                public sealed record Money(decimal Amount, string Currency)
                {
                    // Both forms: the IFormatProvider one wins (invariant culture).
                    public static bool TryParse(string? text, out Money? money) => TryParse(text, null, out money);

                    public static bool TryParse(string? text, IFormatProvider? provider, [NotNullWhen(true)] out Money? money)
                    {
                        money = text is { Length: > 3 } && decimal.TryParse(text[3..], System.Globalization.NumberStyles.Number, provider, out var amount)
                            ? new Money(amount, text[..3]) : null;
                        return money is not null;
                    }
                }

                public sealed class Catalog
                {
                    public sealed class Section
                    {
                        public static bool TryParse(string text, out Section section) { section = new Section(); return text.Length > 0; }
                    }
                }

                // IParsable<T> keeps going through HttpBinder's IParsable path.
                public sealed record Slug(string Value) : IParsable<Slug>
                {
                    public static Slug Parse(string s, IFormatProvider? provider) => new(s);
                    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Slug result)
                    {
                        result = s is null ? null : new Slug(s);
                        return result is not null;
                    }
                }

                public static class Shop
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/items/{sku}")]
                    public static string Get(
                        Sku sku,
                        Sku? alternative,
                        [FromHeader("X-Budget")] Money? budget,
                        Money price,
                        Sku[]? related,
                        List<Money>? offers,
                        [Required] Catalog.Section? section,
                        Slug? slug = null) => sku.Value;
                }
            }
            """);

        var get = result.File("Functions/ShopGet.g.cs");
        Assert.Contains("HttpBinder.Parse<global::App.Sku>(request.RouteValues[\"sku\"], \"sku\", errors, static (string text, out global::App.Sku value) => { var parsed = global::App.Sku.TryParse(text, out global::App.Sku result); value = result!; return parsed; })", get);
        Assert.Contains("HttpBinder.ParseNullable<global::App.Sku>(request.Query[\"alternative\"], \"alternative\", errors, static (string text, out global::App.Sku value) =>", get);
        Assert.Contains("HttpBinder.ParseOptional<global::App.Money>(request.Headers[\"X-Budget\"], \"X-Budget\", errors, static (string text, out global::App.Money value) => { var parsed = global::App.Money.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, out global::App.Money? result); value = result!; return parsed; })", get);
        Assert.Contains("HttpBinder.Parse<global::App.Money>(request.Query[\"price\"], \"price\", errors, static (string text, out global::App.Money value) =>", get);
        Assert.Contains("HttpBinder.ParseArray<global::App.Sku>(request.Query.GetValues(\"related\"), \"related\", errors, static (string text, out global::App.Sku value) =>", get);
        Assert.Contains("HttpBinder.ParseList<global::App.Money>(request.Query.GetValues(\"offers\"), \"offers\", errors, static (string text, out global::App.Money value) =>", get);
        Assert.Contains("global::App.Catalog.Section.TryParse(text, out global::App.Catalog.Section? result)", get);
        Assert.Contains("HttpValidation.Required(p_section, \"section\", errors);", get);
        Assert.Contains("HttpBinder.ParseOptional<global::App.Slug>(request.Query[\"slug\"], \"slug\", errors)", get);
    }

    [Fact]
    public void NumericRangesCompareInTheBoundsTypeWhenTheValuesCannotHoldThem()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public static class Levels
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/levels")]
                    public static string Get(
                        [Range(0, 300)] byte level = 1,
                        [Range(-1, 10)] uint offset = 0,
                        [Range(0.5, 9.5)] int stars = 1,
                        [Range(1, 5)] ulong? shard = null,
                        [Range(-1, 5)] ulong bucket = 0,
                        [Range(0.1, 0.9)] float ratio = 0.5f,
                        [Range(0.01, 1e30)] decimal amount = 1,
                        [Range(1, 10)] short fits = 1) => "ok";
                }
            }
            """);

        // The generated code compiles (the harness checks) and no bound is cut to the value's type.
        var get = result.File("Functions/LevelsGet.g.cs");
        Assert.Contains("HttpValidation.Range<long>((long?)p_level, (long)(0), (long)(300), \"level\", errors);", get);
        Assert.Contains("HttpValidation.Range<long>((long?)p_offset, (long)(-1), (long)(10), \"offset\", errors);", get);
        Assert.Contains("HttpValidation.Range<double>((double?)p_stars, (double)(0.5D), (double)(9.5D), \"stars\", errors);", get);
        Assert.Contains("HttpValidation.Range<ulong>(p_shard, (ulong)(1), (ulong)(5), \"shard\", errors);", get);
        Assert.Contains("HttpValidation.Range<decimal>((decimal?)p_bucket, (decimal)(-1), (decimal)(5), \"bucket\", errors);", get);
        Assert.Contains("HttpValidation.Range<double>((double?)p_ratio, (double)(0.1D), (double)(0.9D), \"ratio\", errors);", get);
        Assert.Contains("HttpValidation.Range<double>((double?)p_amount, (double)(0.01D), (double)(1E+30D), \"amount\", errors);", get);
        Assert.Contains("HttpValidation.Range<short>(p_fits, (short)(1), (short)(10), \"fits\", errors);", get);
    }

    [Fact]
    public void HttpTypedRangesAreParsedAtCompileTime()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public sealed record Booking(
                    [property: Range(typeof(decimal), "0.01", "9999.99")] decimal Deposit,
                    [property: Range(typeof(DateOnly), "2024-01-01", "2030-12-31", ErrorMessage = "{0} must fall between {1} and {2}")] DateOnly? Arrival);

                [JsonSerializable(typeof(Booking))]
                public partial class BookingJson : JsonSerializerContext;

                public static class Bookings
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Post, "/bookings/{nights}")]
                    public static Booking Create(
                        [Range(typeof(int), "1", "30")] int nights,
                        [FromBody] Booking booking,
                        [Range(typeof(decimal), "-1.5", "1,000.25")] decimal discount = 0,
                        [Range(typeof(DateTime), "2024-01-01", "2024-12-31T23:59:59Z")] DateTime? from = null,
                        [Range(typeof(DateTimeOffset), "2024-01-01T00:00:00+02:00", "2025-01-01")] DateTimeOffset? until = null,
                        [Range(typeof(TimeOnly), "08:00", "18:30:15")] TimeOnly? checkIn = null,
                        [Range(typeof(TimeSpan), "00:30:00", "1.00:00:00")] TimeSpan? stay = null,
                        [Range(typeof(double), "0.5", "1e3")] double ratio = 1,
                        [Range(0, 100, MinimumIsExclusive = true)] int share = 50,
                        [Range(typeof(decimal), "0", "1", MaximumIsExclusive = true, MinimumIsExclusive = false)] decimal? fraction = null,
                        [Range(typeof(byte), "1", "300")] byte notChecked = 1,
                        [Range(typeof(decimal), "cheap", "dear")] decimal alsoNotChecked = 0,
                        [Range(typeof(long), "1", "5")] int otherType = 1,
                        [Range(typeof(int), "1", "3")] int[]? collection = null) => booking;
                }
            }
            """);

        var create = result.File("Functions/BookingsCreate.g.cs");
        Assert.Contains("HttpValidation.Range<int>(p_nights, (int)(1L), (int)(30L), \"1\", \"30\", \"nights\", errors);", create);
        Assert.Contains("HttpValidation.Range<decimal>(p_discount, -1.5M, 1000.25M, \"-1.5\", \"1,000.25\", \"discount\", errors);", create);
        Assert.Contains("HttpValidation.Range<global::System.DateTime>(p_from, new global::System.DateTime(638396640000000000L, global::System.DateTimeKind.Unspecified), new global::System.DateTime(638712863990000000L, global::System.DateTimeKind.Utc), ", create);
        Assert.Contains("HttpValidation.Range<global::System.DateTimeOffset>(p_until, new global::System.DateTimeOffset(638396640000000000L, new global::System.TimeSpan(72000000000L)), new global::System.DateTimeOffset(638712864000000000L, new global::System.TimeSpan(0L)), ", create);
        Assert.Contains("HttpValidation.Range<global::System.TimeOnly>(p_checkIn, new global::System.TimeOnly(288000000000L), new global::System.TimeOnly(666150000000L), \"08:00\", \"18:30:15\", ", create);
        Assert.Contains("HttpValidation.Range<global::System.TimeSpan>(p_stay, new global::System.TimeSpan(18000000000L), new global::System.TimeSpan(864000000000L), ", create);
        Assert.Contains("HttpValidation.Range<double>(p_ratio, 0.5D, 1000D, \"0.5\", \"1e3\", \"ratio\", errors);", create);
        Assert.Contains("HttpValidation.Range<int>(p_share, (int)(0), (int)(100), \"share\", errors, minimumIsExclusive: true);", create);
        Assert.Contains("HttpValidation.Range<decimal>(p_fraction, 0M, 1M, \"0\", \"1\", \"fraction\", errors, maximumIsExclusive: true);", create);
        Assert.DoesNotContain("(p_notChecked, ", create);
        Assert.DoesNotContain("(p_alsoNotChecked, ", create);
        Assert.DoesNotContain("(p_otherType, ", create);
        Assert.DoesNotContain("(p_collection, ", create);
        Assert.Contains("HttpValidation.Range<decimal>(b_booking.Deposit, 0.01M, 9999.99M, \"0.01\", \"9999.99\", ", create);
        Assert.Contains("HttpValidation.Range<global::System.DateOnly>(b_booking.Arrival, new global::System.DateOnly(2024, 1, 1), new global::System.DateOnly(2030, 12, 31), \"2024-01-01\", \"2030-12-31\", ", create);
        Assert.Contains("\"{0} must fall between {1} and {2}\");", create);
    }

    [Fact]
    public void HttpWithoutJsonContextUsesReflection()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace App
            {
                public sealed record Greeting(string Message);

                public static class Greetings
                {
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Put, "/greetings/{name}")]
                    public static ValueTask<Greeting> Put(string name, [FromBody] Greeting greeting) => new(greeting);
                }
            }
            """);

        var put = result.File("Functions/GreetingsPut.g.cs");
        Assert.Contains("HttpFunction.InvokeAsync(invocation, route, null)", put);
        Assert.Contains("#pragma warning disable IL2026, IL3050", put);
    }

    private static string RouteOf(JsonElement route) =>
        route.GetProperty("method").GetString() + " " + route.GetProperty("path").GetString() + " " + route.GetProperty("api").GetString();

    private static Dictionary<string, JsonElement> ManifestFunctions(GeneratorTestResult result) => GeneratedManifest.Functions(result);
}
