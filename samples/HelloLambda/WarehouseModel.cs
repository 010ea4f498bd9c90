using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace HelloLambda;

/// <summary>
/// A warehouse code such as <c>BER1</c>: three letters and a digit, any case. It implements <see cref="IParsable{TSelf}"/>,
/// so route, query and header values bind to it directly.
/// </summary>
public readonly record struct WarehouseCode : IParsable<WarehouseCode>
{
    private WarehouseCode(string value) => Value = value;

    public string Value { get; }

    public static WarehouseCode Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var code) ? code : throw new FormatException($"'{s}' is not a warehouse code.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out WarehouseCode result)
    {
        var valid = s is { Length: 4 } && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) && char.IsAsciiLetter(s[2]) && char.IsAsciiDigit(s[3]);
        result = valid ? new WarehouseCode(s!.ToUpperInvariant()) : default;
        return valid;
    }

    public override string ToString() => Value;
}

/// <summary>
/// A stock-keeping unit such as <c>TEA-0042</c>. Like many older value types it has a static <c>TryParse</c> but no
/// <see cref="IParsable{TSelf}"/>; the generated wrapper calls that <c>TryParse</c> directly.
/// </summary>
public readonly record struct Sku
{
    private Sku(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Sku sku)
    {
        var valid = text is { Length: 8 } && text[3] == '-' && text[..3].All(char.IsAsciiLetter) && text[4..].All(char.IsAsciiDigit);
        sku = valid ? new Sku(text!.ToUpperInvariant()) : default;
        return valid;
    }

    public override string ToString() => Value;
}

[JsonConverter(typeof(JsonStringEnumConverter<MovementKind>))]
public enum MovementKind
{
    Receipt,
    Pick,
    Transfer,
    Adjustment,
}

[JsonConverter(typeof(JsonStringEnumConverter<StockUnit>))]
public enum StockUnit
{
    Each = 1,
    Case = 12,
    Pallet = 480,
}

public sealed record StockLevel(string Warehouse, string Sku, int Quantity, StockUnit Unit, DateOnly? AsOf);

public sealed record StockMovement(long Sequence, string Warehouse, string Sku, MovementKind Kind, int Quantity, DateTimeOffset At);

/// <summary>The movement search's filter as the API understood it, echoed with the results.</summary>
public sealed record MovementFilter(
    string? Search,
    bool IncludeCancelled,
    byte? Aisle,
    sbyte? MinTemperature,
    short? Shelf,
    ushort? Bin,
    int Page,
    uint PageSize,
    long? AfterSequence,
    ulong? MaxQuantity,
    float? MinWeightKg,
    double? MaxVolumeLitres,
    decimal? MinValue,
    Guid? Batch,
    DateTime? From,
    DateTimeOffset? Until,
    DateOnly? Day,
    TimeOnly? ShiftStart,
    MovementKind[] Kinds,
    string[] Skus,
    string[] Warehouses);

public sealed record MovementSearch(MovementFilter Filter, StockMovement[] Movements);

/// <summary>A delivery received at a dock: DataAnnotations on its properties are checked by the generated wrapper.</summary>
public sealed record Receipt(
    [Required] [StringLength(40, MinimumLength = 3)] string Supplier,
    DateOnly ReceivedOn,
    [Range(0.01, 1_000_000)] decimal DeclaredValue,
    ReceiptLine[] Lines);

public sealed record ReceiptLine(string Sku, int Quantity);

public sealed record ReceiptConfirmation(string Id, string Warehouse, int Dock, int Units, bool NotifySupplier);

/// <summary>Stock records; registered in <see cref="Startup"/> and taken by handlers with <c>[FromServices]</c>.</summary>
public interface IStockLedger
{
    int OnHand(WarehouseCode warehouse, Sku sku, DateOnly? asOf);

    IEnumerable<StockMovement> Movements();

    ValueTask<string> RecordReceiptAsync(WarehouseCode warehouse, int dock, Receipt receipt, CancellationToken cancellationToken);
}

/// <summary>An in-memory ledger with a few movements, living as long as the execution environment.</summary>
public sealed class InMemoryStockLedger : IStockLedger
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<StockMovement> _movements =
    [
        new(1, "BER1", "TEA-0042", MovementKind.Receipt, 240, Start),
        new(2, "BER1", "TEA-0042", MovementKind.Pick, -12, Start.AddHours(3)),
        new(3, "LHR2", "MUG-0007", MovementKind.Receipt, 96, Start.AddDays(1)),
    ];

    private readonly Lock _gate = new();

    public int OnHand(WarehouseCode warehouse, Sku sku, DateOnly? asOf)
    {
        lock (_gate)
        {
            return _movements
                .Where(m => m.Warehouse == warehouse.Value && m.Sku == sku.Value)
                .Where(m => asOf is not { } day || DateOnly.FromDateTime(m.At.UtcDateTime) <= day)
                .Sum(m => m.Quantity);
        }
    }

    public IEnumerable<StockMovement> Movements()
    {
        lock (_gate)
        {
            return [.. _movements];
        }
    }

    public async ValueTask<string> RecordReceiptAsync(WarehouseCode warehouse, int dock, Receipt receipt, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var at = receipt.ReceivedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            foreach (var line in receipt.Lines)
            {
                _movements.Add(new(_movements.Count + 1, warehouse.Value, line.Sku, MovementKind.Receipt, line.Quantity, at));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{warehouse}-{receipt.ReceivedOn:yyyyMMdd}-D{dock}");
    }
}
