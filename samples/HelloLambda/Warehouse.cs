using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelloLambda;

/// <summary>
/// A warehouse API that shows every way a parameter binds: route values into your own types (an
/// <see cref="IParsable{TSelf}"/> <see cref="WarehouseCode"/> and a TryParse-only <see cref="Sku"/>), query values of
/// every simple type with arrays and lists, headers, a validated JSON body, services, the Lambda context, the
/// cancellation token, the raw request and a greedy route. Try it with <c>dotnet run -- serve</c> and
/// <c>curl 'localhost:5050/stock/movements?kind=receipt&amp;sku=TEA-0042,MUG-0007'</c>.
/// </summary>
[AllowAnonymous] // public for the demo; a class-level declaration covers every function of the class
public static class Warehouse
{
    /// <summary>Units on hand, in the unit the <c>X-Unit</c> header asks for (<c>each</c>, <c>case</c>, <c>pallet</c>; any case).</summary>
    [LambdaFunction(Name = "GetStockLevel")]
    [RestApi(HttpVerb.Get, "/warehouses/{warehouse}/stock/{sku}")]
    public static StockLevel GetStockLevel(
        WarehouseCode warehouse,
        Sku sku,
        [FromServices] IStockLedger ledger,
        [FromHeader("X-Unit")] StockUnit unit = StockUnit.Each,
        DateOnly? asOf = null) =>
        new(warehouse.Value, sku.Value, ledger.OnHand(warehouse, sku, asOf) / (int)unit, unit, asOf);

    /// <summary>
    /// Stock movements matching a filter; every query value is optional. Repeated (<c>?kind=receipt&amp;kind=pick</c>)
    /// and comma-separated (<c>?sku=TEA-0042,MUG-0007</c>) values fill the arrays and lists.
    /// </summary>
    [LambdaFunction(Name = "SearchStockMovements")]
    [HttpApi(HttpVerb.Get, "/stock/movements")]
    public static MovementSearch SearchStockMovements(
        [FromServices] IStockLedger ledger,
        [FromQuery(Name = "q")] [StringLength(50)] string? search = null,
        bool includeCancelled = false,
        byte? aisle = null,
        sbyte? minTemperature = null,
        short? shelf = null,
        ushort? bin = null,
        [Range(1, 1000)] int page = 1,
        [Range(1, 200)] uint pageSize = 50,
        long? afterSequence = null,
        ulong? maxQuantity = null,
        float? minWeightKg = null,
        double? maxVolumeLitres = null,
        [Range(0, 1_000_000)] decimal? minValue = null,
        Guid? batch = null,
        DateTime? from = null,
        DateTimeOffset? until = null,
        DateOnly? day = null,
        TimeOnly? shiftStart = null,
        [FromQuery(Name = "kind")] MovementKind[]? kinds = null,
        [FromQuery(Name = "sku")] List<Sku>? skus = null,
        [FromQuery(Name = "warehouse")] List<WarehouseCode>? warehouses = null)
    {
        var filter = new MovementFilter(search, includeCancelled, aisle, minTemperature, shelf, bin, page, pageSize, afterSequence,
            maxQuantity, minWeightKg, maxVolumeLitres, minValue, batch, from, until, day, shiftStart,
            kinds ?? [], [.. (skus ?? []).Select(s => s.Value)], [.. (warehouses ?? []).Select(w => w.Value)]);
        var movements = ledger.Movements()
            .Where(m => filter.Kinds.Length == 0 || filter.Kinds.Contains(m.Kind))
            .Where(m => filter.Skus.Length == 0 || filter.Skus.Contains(m.Sku))
            .Where(m => filter.Warehouses.Length == 0 || filter.Warehouses.Contains(m.Warehouse))
            .Where(m => afterSequence is not { } after || m.Sequence > after)
            .Where(m => until is not { } end || m.At < end)
            .Skip((page - 1) * (int)pageSize)
            .Take((int)pageSize);
        return new MovementSearch(filter, [.. movements]);
    }

    /// <summary>
    /// Books a delivery at a dock: 201 with the receipt's location, the dock in a header and remembered in a cookie.
    /// A request with several mistakes (route, header, query, body) gets one 400 that lists them all.
    /// </summary>
    [LambdaFunction(Name = "ReceiveShipment")]
    [HttpApi(HttpVerb.Post, "/warehouses/{warehouse}/receipts")]
    [HttpResponse(201, typeof(ReceiptConfirmation), Description = "The receipt is booked; its URL is in the Location header")]
    public static async Task<IHttpResult> ReceiveShipment(
        WarehouseCode warehouse,
        [FromHeader("X-Dock")] [Range(1, 12)] int dock,
        [FromBody] Receipt receipt,
        [FromServices] IStockLedger ledger,
        ILambdaContext context,
        CancellationToken cancellationToken,
        [FromQuery] bool notifySupplier = false)
    {
        var id = await ledger.RecordReceiptAsync(warehouse, dock, receipt, cancellationToken);
        var units = receipt.Lines.Sum(l => l.Quantity);
        context.Logger.LogInformation($"Receipt {id}: {units} units from {receipt.Supplier} at dock {dock}");
        var confirmation = new ReceiptConfirmation(id, warehouse.Value, dock, units, notifySupplier);
        return HttpResults.Created($"/warehouses/{warehouse}/receipts/{id}", confirmation, AppJson.Default.ReceiptConfirmation)
            .WithHeader("X-Dock", dock.ToString(CultureInfo.InvariantCulture))
            .WithCookie("dock", dock.ToString(CultureInfo.InvariantCulture), new HttpCookieOptions
            {
                Path = "/warehouses",
                MaxAge = TimeSpan.FromHours(8),
                HttpOnly = true,
                SameSite = HttpSameSite.Strict,
            });
    }

    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["delivery-notes/2024/05/DN-1001.txt"] = "Delivery note DN-1001\nBER1, dock 3: 240 x TEA-0042\n",
        ["safety/forklifts.txt"] = "Forklifts: 10 km/h in aisles, horn at every crossing.\n",
    };

    /// <summary>
    /// Warehouse documents under a greedy route (<c>{proxy+}</c> takes the rest of the path, slashes included). The raw
    /// request answers conditional requests: a matching <c>If-None-Match</c> gets a 304.
    /// </summary>
    [LambdaFunction(Name = "GetWarehouseDocument")]
    [RestApi(HttpVerb.Get, "/documents/{proxy+}")]
    [HttpResponse(200, typeof(string), ContentType = "text/plain", Description = "The document, with its ETag")]
    [HttpResponse(304, Description = "The document has the ETag of If-None-Match")]
    [HttpResponse(404, Description = "No document at that path")]
    public static IHttpResult GetDocument([FromRoute("proxy")] string documentPath, HttpRequestData request)
    {
        if (!Documents.TryGetValue(documentPath, out var text))
        {
            return HttpResults.NotFound();
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16] + "\"";
        var result = request.Headers["If-None-Match"] == etag ? HttpResults.StatusCode(304) : HttpResults.Text(text);
        return result.WithHeader("ETag", etag).WithHeader("Cache-Control", "max-age=300");
    }

    /// <summary>
    /// Starts a stock count. The audit store is not deployed with the sample, so this fails: the caller gets a 500
    /// problem with the request id and nothing of the exception; the log has the exception and its stack trace.
    /// </summary>
    [LambdaFunction(Name = "StartStockAudit")]
    [HttpApi(HttpVerb.Post, "/warehouses/{warehouse}/audits")]
    [HttpResponse(202, Description = "The count has started")]
    public static IHttpResult StartStockAudit(WarehouseCode warehouse, ILambdaContext context)
    {
        context.Logger.LogInformation($"Starting a stock audit of {warehouse}");
        return AuditStore.Open(warehouse).Start();
    }

    private sealed class AuditStore
    {
        public static AuditStore Open(WarehouseCode warehouse) =>
            throw new InvalidOperationException($"Audit store for {warehouse} unreachable at audit-db.internal:5432 (user=auditor).");

        public IHttpResult Start() => HttpResults.Accepted();
    }
}
