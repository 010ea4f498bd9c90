using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

namespace HelloLambda;

public sealed record StockItem(string Sku, string Name, int Quantity);

public sealed record StockUpdate(string Name, [property: Range(0, 100_000)] int Quantity);

/// <summary>The warehouse's stock, one per execution environment (registered in <see cref="Startup"/>).</summary>
public interface IStockStore
{
    IReadOnlyList<StockItem> All();

    StockItem? Find(string sku);

    StockItem Save(StockItem item);

    bool Remove(string sku);
}

public sealed class InMemoryStockStore : IStockStore
{
    private readonly ConcurrentDictionary<string, StockItem> _items = new(StringComparer.Ordinal)
    {
        ["KETTLE-1"] = new("KETTLE-1", "Kettle", 12),
        ["MUG-2"] = new("MUG-2", "Mug", 3),
    };

    public IReadOnlyList<StockItem> All() => [.. _items.Values.OrderBy(i => i.Sku, StringComparer.Ordinal)];

    public StockItem? Find(string sku) => _items.TryGetValue(sku, out var item) ? item : null;

    public StockItem Save(StockItem item) => _items[item.Sku] = item;

    public bool Remove(string sku) => _items.TryRemove(sku, out _);
}

/// <summary>
/// A whole inventory API in one Lambda function: <c>[LambdaFunction]</c> on the class makes one function whose generated
/// router serves every route below (one cold start, one memory/timeout/role for all of them). Literal segments win
/// over parameters (<c>/inventory/items/low-stock</c> over <c>/inventory/items/{sku}</c>), parameters over a greedy
/// <c>{path+}</c>; a path the router does not know is a 404 and a known path with another method a 405 with
/// <c>Allow</c>. Try it with <c>dotnet run -- serve</c> and <c>curl localhost:5050/inventory/items/low-stock</c>.
/// </summary>
[LambdaFunction(MemorySize = 512)]
[Environment("WAREHOUSE", "berlin-1")]
[Authorize(AuthorizerNames.Iam)] // every route needs SigV4-signed calls unless it opts out
public sealed class InventoryApi(IStockStore stock)
{
    /// <summary>Every item, by SKU; public (the method's declaration wins over the class's).</summary>
    [AllowAnonymous]
    [HttpApi(HttpVerb.Get, "/inventory/items")]
    public IReadOnlyList<StockItem> List() => stock.All();

    /// <summary>One item; an unknown SKU is a 404. Also on the REST API (payload 1.0) for older clients.</summary>
    [HttpApi(HttpVerb.Get, "/inventory/items/{sku}")]
    [RestApi(HttpVerb.Get, "/v1/inventory/items/{sku}")]
    public StockItem? Get(string sku) => stock.Find(sku);

    /// <summary>The items at or below a threshold: a literal segment at the depth of <c>{sku}</c>, and it wins.</summary>
    [HttpApi(HttpVerb.Get, "/inventory/items/low-stock")]
    public IReadOnlyList<StockItem> LowStock([Range(0, 1000)] int threshold = 5) =>
        [.. stock.All().Where(i => i.Quantity <= threshold)];

    /// <summary>Creates or replaces an item: the same path as <see cref="Get"/>, another method.</summary>
    [HttpApi(HttpVerb.Put, "/inventory/items/{sku}")]
    public StockItem Put([RegularExpression("^[A-Z0-9-]{3,20}$")] string sku, [FromBody] StockUpdate item) =>
        stock.Save(new StockItem(sku, item.Name, item.Quantity));

    /// <summary>Removes an item: 204, or 404 for an unknown SKU.</summary>
    [HttpApi(HttpVerb.Delete, "/inventory/items/{sku}")]
    public IHttpResult Delete(string sku) => stock.Remove(sku) ? HttpResults.NoContent() : HttpResults.NotFound();

    /// <summary>The label sheet, one line per item: a literal beats the greedy route below.</summary>
    [HttpApi(HttpVerb.Get, "/inventory/files/labels")]
    public IHttpResult Labels() => HttpResults.Text(string.Join("\n", stock.All().Select(i => i.Sku + " " + i.Name)));

    /// <summary>Any other document under <c>/inventory/files/</c>: the greedy route gets the rest of the path.</summary>
    [HttpApi(HttpVerb.Get, "/inventory/files/{path+}")]
    public static IHttpResult File(string path) => HttpResults.Text("file " + path);
}
