using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Serverless.Benchmarks.App;

/// <summary>An order as the API returns it.</summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public string Customer { get; set; } = "";
    public string Product { get; set; } = "";
    public int Quantity { get; set; }
    public decimal Total { get; set; }
    public string[]? Lines { get; set; }
}

/// <summary>The body of POST /orders.</summary>
/// <remarks>
/// No DataAnnotations on these properties: the generator does not validate body properties yet, and the hand-written
/// wrapper must do the same work as the generated one. Add them to both when it does.
/// </remarks>
public sealed class NewOrder
{
    public string Product { get; set; } = "";

    public int Quantity { get; set; }

    public string? Email { get; set; }
}

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(NewOrder))]
public partial class AppJson : JsonSerializerContext;

/// <summary>The user methods: trivial, and shared by the generated and the hand-written wrappers.</summary>
public static class OrdersApi
{
    private static readonly string[] SomeLines = ["2 x widget", "1 x gadget"];

    /// <summary>GET /orders/{id}?lines=true with an X-Tenant header: a small JSON object.</summary>
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/orders/{id}")]
    public static Order? Get(Guid id, [FromQuery] bool lines = false, [FromHeader("X-Tenant")] string tenant = "default") =>
        new() { Id = id, Customer = tenant, Product = "widget", Quantity = 3, Total = 42.50m, Lines = lines ? SomeLines : null };

    /// <summary>POST /orders?priority=2 with a validated JSON body: 201 with the order.</summary>
    [LambdaFunction]
    [HttpApi(HttpVerb.Post, "/orders")]
    public static IHttpResult Create([FromBody] NewOrder order, [FromQuery] [Range(1, 5)] int priority = 1) =>
        HttpResults.Created("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            new Order { Id = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Customer = "default", Product = order.Product,
                Quantity = order.Quantity * priority, Total = 42.50m },
            AppJson.Default.Order);
}
