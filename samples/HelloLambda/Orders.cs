using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace HelloLambda;

public sealed record NewOrder(string Product, int Quantity);

public sealed record Order(string Id, string Product, int Quantity);

public sealed record OrderQuery(string Id);

public interface IOrderStore
{
    Order Add(NewOrder order);

    Order? Find(string id);
}

/// <summary>An in-memory store: it lives as long as the execution environment, like a static pool would.</summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new();
    private int _next;

    /// <summary>Starts with one demo order, so GetOrder has something to find in a new environment.</summary>
    public InMemoryOrderStore() => _orders["o-0"] = new Order("o-0", "demo", 1);

    public Order Add(NewOrder order)
    {
        var id = $"o-{Interlocked.Increment(ref _next)}";
        var created = new Order(id, order.Product, order.Quantity);
        _orders[id] = created;
        return created;
    }

    public Order? Find(string id) => _orders.TryGetValue(id, out var order) ? order : null;
}

[LambdaStartup]
public sealed class Startup
{
    public void ConfigureServices(IServiceCollection services) =>
        services
            .AddSingleton<IOrderStore, InMemoryOrderStore>()
            .AddSingleton<IStockStore, InMemoryStockStore>()
            .AddSingleton<IStockLedger, InMemoryStockLedger>();
}

/// <summary>One instance per execution environment; the store comes from dependency injection.</summary>
[Environment("ORDERS_TABLE", "orders")]
public sealed class OrderFunctions(IOrderStore store)
{
    [LambdaFunction(Name = "CreateOrder", MemorySize = 512, Timeout = 15)]
    public async Task<Order> Create(NewOrder order, CancellationToken cancellationToken)
    {
        if (order.Quantity <= 0)
        {
            throw new InvalidOperationException($"Quantity must be positive, got {order.Quantity}.");
        }

        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return store.Add(order);
    }

    [LambdaFunction(Name = "GetOrder")]
    public Order Get(OrderQuery query) =>
        store.Find(query.Id) ?? throw new KeyNotFoundException($"Order '{query.Id}' was not found.");
}
