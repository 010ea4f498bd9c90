using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

namespace HelloLambda;

public sealed record StockItem(string Sku, string Name, int Quantity);

public sealed record StockUpdate(string Name, [property: Range(0, 100_000)] int Quantity);

public sealed record ReservationLine(string Sku, int Quantity);

public sealed record ReservationRequest([property: RegularExpression("^[A-Z]-[0-9]{4}$")] string OrderId, IReadOnlyList<ReservationLine> Lines);

public sealed record Reservation(string OrderId, IReadOnlyList<ReservationLine> Lines, int Units);

/// <summary>A line the stock cannot cover: what was asked for and what is there.</summary>
public sealed record StockShortage(string Sku, int Requested, int Available);

/// <summary>A stock take: the book stock it counts against (items and units when it started).</summary>
public sealed record Stocktake(int Items, int Units);

/// <summary>The warehouse's stock, one per execution environment (registered in <see cref="Startup"/>).</summary>
public interface IStockStore
{
    IReadOnlyList<StockItem> All();

    StockItem? Find(string sku);

    StockItem Save(StockItem item);

    bool Remove(string sku);

    /// <summary>Takes every line's units off the stock, or none of them: the lines the stock cannot cover (empty when reserved).</summary>
    IReadOnlyList<StockShortage> Reserve(IReadOnlyList<ReservationLine> lines);

    /// <summary>The stock take in progress, or null.</summary>
    Stocktake? CurrentStocktake { get; }

    /// <summary>Starts a stock take unless one is in progress; returns the one in progress either way.</summary>
    Stocktake StartStocktake(out bool started);

    /// <summary>Ends the stock take in progress; false when there is none.</summary>
    bool EndStocktake();
}

public sealed class InMemoryStockStore : IStockStore
{
    // Reserving checks and takes several items at once: writes are serialized, reads are not.
    private readonly Lock _writes = new();
    private Stocktake? _stocktake;
    private readonly ConcurrentDictionary<string, StockItem> _items = new(StringComparer.Ordinal)
    {
        ["KETTLE-1"] = new("KETTLE-1", "Kettle", 12),
        ["MUG-2"] = new("MUG-2", "Mug", 3),
    };

    public IReadOnlyList<StockItem> All() => [.. _items.Values.OrderBy(i => i.Sku, StringComparer.Ordinal)];

    public StockItem? Find(string sku) => _items.TryGetValue(sku, out var item) ? item : null;

    public StockItem Save(StockItem item)
    {
        lock (_writes)
        {
            return _items[item.Sku] = item;
        }
    }

    public bool Remove(string sku)
    {
        lock (_writes)
        {
            return _items.TryRemove(sku, out _);
        }
    }

    public IReadOnlyList<StockShortage> Reserve(IReadOnlyList<ReservationLine> lines)
    {
        lock (_writes)
        {
            var shortages = lines
                .Select(l => new StockShortage(l.Sku, l.Quantity, Find(l.Sku)?.Quantity ?? 0))
                .Where(s => s.Requested > s.Available)
                .ToList();
            if (shortages.Count == 0)
            {
                foreach (var line in lines)
                {
                    _items[line.Sku] = _items[line.Sku] with { Quantity = _items[line.Sku].Quantity - line.Quantity };
                }
            }

            return shortages;
        }
    }

    public Stocktake? CurrentStocktake => Volatile.Read(ref _stocktake);

    public Stocktake StartStocktake(out bool started)
    {
        lock (_writes)
        {
            started = _stocktake is null;
            return _stocktake ??= new Stocktake(_items.Count, _items.Values.Sum(i => i.Quantity));
        }
    }

    public bool EndStocktake()
    {
        lock (_writes)
        {
            var ended = _stocktake is not null;
            _stocktake = null;
            return ended;
        }
    }
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
    /// <summary>The most units one order may hold at once, across its lines.</summary>
    public const int MaxUnitsPerOrder = 20;

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

    /// <summary>An item's shelf label: its SKU as a Code 39 barcode PNG, sent as binary (base64 to API Gateway).</summary>
    [HttpApi(HttpVerb.Get, "/inventory/items/{sku}/label")]
    public IHttpResult Label(string sku) =>
        stock.Find(sku) is { } item ? HttpResults.Bytes(ShelfLabel.Png(item.Sku), "image/png") : HttpResults.NotFound();

    /// <summary>The first version of this API called items products: its links move here for good (301).</summary>
    [HttpApi(HttpVerb.Get, "/inventory/products/{sku}")]
    public static IHttpResult OldProductLink(string sku) =>
        HttpResults.Redirect("/inventory/items/" + Uri.EscapeDataString(sku), permanent: true);

    /// <summary>
    /// Holds an order's units: all lines or none. Mistakes only the stock can tell (an unknown SKU, a repeated line, no
    /// units) are a validation problem keyed by the body's JSON path; more than <see cref="MaxUnitsPerOrder"/> units a
    /// 400 problem; lines the stock cannot cover a 409 listing them; a stock take in progress a 503 with Retry-After.
    /// </summary>
    [HttpApi(HttpVerb.Post, "/inventory/reservations")]
    public IHttpResult Reserve([FromBody] ReservationRequest request)
    {
        if (stock.CurrentStocktake is not null)
        {
            return HttpResults.Problem(
                statusCode: 503,
                type: "https://hello.example.com/problems/stocktake",
                title: "Stock take in progress",
                detail: "Reservations resume when the stock take ends.")
                .WithHeader("Retry-After", "900");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Lines.Count == 0)
        {
            errors["$.lines"] = ["A reservation needs at least one line."];
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (stock.Find(line.Sku) is null)
            {
                errors[$"$.lines[{i}].sku"] = [$"No item has the SKU {line.Sku}."];
            }
            else if (request.Lines.Take(i).Any(l => l.Sku == line.Sku))
            {
                errors[$"$.lines[{i}].sku"] = [$"{line.Sku} is on an earlier line."];
            }

            if (line.Quantity < 1)
            {
                errors[$"$.lines[{i}].quantity"] = ["A line reserves at least one unit."];
            }
        }

        if (errors.Count > 0)
        {
            return HttpResults.ValidationProblem(errors);
        }

        var units = request.Lines.Sum(l => l.Quantity);
        if (units > MaxUnitsPerOrder)
        {
            return HttpResults.BadRequest(new HttpProblemDetails
            {
                Detail = $"An order holds at most {MaxUnitsPerOrder} units at once; this one asks for {units}.",
            });
        }

        var shortages = stock.Reserve(request.Lines);
        if (shortages.Count > 0)
        {
            return HttpResults.Conflict(shortages);
        }

        // The storefront shows "held for you" while the cookie lives; stock changes, so nothing may cache the answer.
        return HttpResults.Ok(new Reservation(request.OrderId, request.Lines, units))
            .WithHeader("Cache-Control", "no-store")
            .WithCookie("reservation", request.OrderId, new HttpCookieOptions
            {
                Path = "/inventory",
                MaxAge = TimeSpan.FromMinutes(15),
                HttpOnly = true,
                SameSite = HttpSameSite.Strict,
            });
    }

    /// <summary>Starts the stock take, which pauses reservations: 201 when it starts, 200 when it was already running.</summary>
    [HttpApi(HttpVerb.Put, "/inventory/stocktake")]
    public IHttpResult StartStocktake()
    {
        var stocktake = stock.StartStocktake(out var started);
        return HttpResults.Json(stocktake, started ? 201 : 200);
    }

    /// <summary>Ends the stock take: reservations resume.</summary>
    [HttpApi(HttpVerb.Delete, "/inventory/stocktake")]
    public IHttpResult EndStocktake() => stock.EndStocktake() ? HttpResults.NoContent() : HttpResults.NotFound();
}
