using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

namespace HelloLambda;

public sealed record Product(Guid Id, string Name, decimal Price, string Currency);

public sealed record NewProduct(string Name, decimal Price);

/// <summary>
/// A product catalog behind both kinds of API Gateway API: REST API routes (payload format 1.0) that read a product
/// and remember the shopper's currency in a cookie, and an HTTP API route (payload format 2.0) that adds a product.
/// Prices are converted through euros on the way out. Try them with <c>dotnet run -- serve</c> and
/// <c>curl -H 'X-Currency: USD' localhost:5050/products/3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b</c>.
/// </summary>
public static class Catalog
{
    private const string CurrencyPattern = "^(EUR|GBP|USD)$";

    /// <summary>Starts with one product, so GetProduct has something to find in a new execution environment.</summary>
    private static readonly ConcurrentDictionary<Guid, Product> Products = new()
    {
        [Guid.Parse("3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b")] = new(Guid.Parse("3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b"), "Teapot", 24.50m, "EUR"),
    };

    private static readonly Dictionary<string, decimal> EuroRates = new(StringComparer.Ordinal)
    {
        ["EUR"] = 1m,
        ["GBP"] = 0.85m,
        ["USD"] = 1.10m,
    };

    /// <summary>The product in the currency the <c>X-Currency</c> header asks for (euros without it); an unknown id is a 404.</summary>
    [LambdaFunction(Name = "GetProduct")]
    [AllowAnonymous]
    [RestApi(HttpVerb.Get, "/products/{id}")]
    public static Product? Get(Guid id, [FromHeader("X-Currency")] [RegularExpression(CurrencyPattern)] string? currency = null) =>
        Products.TryGetValue(id, out var product) ? Convert(product, currency ?? "EUR") : null;

    /// <summary>Remembers the shopper's currency in a cookie for a month.</summary>
    [LambdaFunction(Name = "SetCurrency")]
    [AllowAnonymous]
    [RestApi(HttpVerb.Put, "/currency/{code}")]
    [HttpResponse(204, Description = "The currency is remembered in the currency cookie")]
    public static IHttpResult SetCurrency([RegularExpression(CurrencyPattern)] string code) =>
        HttpResults.NoContent().WithCookie("currency", code, CurrencyCookie);

    /// <summary>
    /// Adds a product priced in the <c>X-Currency</c> header's currency (euros without it): 201 with its location, and the
    /// currency remembered in a cookie. Every mistake of a request (body, headers) is listed in one 400 problem response.
    /// Deployed, it needs a token of the <c>users</c> authorizer with the <c>catalog/write</c> scope. The result is decided
    /// at run time, so <c>[HttpResponse]</c> tells the OpenAPI document what it is.
    /// </summary>
    [LambdaFunction(Name = "CreateProduct")]
    [Authorize("users", Scopes = new[] { "catalog/write" })]
    [HttpApi(HttpVerb.Post, "/products")]
    [HttpResponse(201, typeof(Product), Description = "The new product; its URL is in the Location header")]
    public static IHttpResult Create(
        [FromBody] NewProduct product,
        [FromHeader("X-Currency")] [RegularExpression(CurrencyPattern)] string currency = "EUR",
        [FromHeader("X-Stock")] [Range(0, 1000)] int stock = 0)
    {
        var created = new Product(Guid.CreateVersion7(), product.Name, product.Price, currency);
        Products[created.Id] = created;
        return HttpResults.Created($"/products/{created.Id}", created, AppJson.Default.Product)
            .WithHeader("X-Stock", stock.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithCookie("currency", currency, CurrencyCookie);
    }

    private static HttpCookieOptions CurrencyCookie => new()
    {
        Path = "/",
        MaxAge = TimeSpan.FromDays(30),
        HttpOnly = true,
        SameSite = HttpSameSite.Lax,
    };

    private static Product Convert(Product product, string currency) =>
        product.Currency == currency
            ? product
            : product with { Price = Math.Round(product.Price / EuroRates[product.Currency] * EuroRates[currency], 2), Currency = currency };
}
