using System.Text.Json.Serialization;

namespace HelloLambda;

/// <summary>The app's JSON metadata: every handler input and output type is listed here.</summary>
// Missing or null values for non-nullable properties are the caller's mistake: reject them while deserializing.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(HelloRequest))]
[JsonSerializable(typeof(HelloResponse))]
[JsonSerializable(typeof(NewOrder))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderQuery))]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(SettingsRequest))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(NewProduct))]
[JsonSerializable(typeof(StockItem))]
[JsonSerializable(typeof(StockUpdate))]
[JsonSerializable(typeof(IReadOnlyList<StockItem>))]
[JsonSerializable(typeof(ReservationRequest))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(IReadOnlyList<StockShortage>))]
[JsonSerializable(typeof(Stocktake))]
[JsonSerializable(typeof(StockLevel))]
[JsonSerializable(typeof(MovementSearch))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(ReceiptConfirmation))]
[JsonSerializable(typeof(WebhookDelivery))]
public partial class AppJson : JsonSerializerContext;
