using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime;

/// <summary>
/// The service provider of an app without services: it knows only itself, and its scopes are itself,
/// so an invocation costs no allocation for DI.
/// </summary>
internal sealed class EmptyServiceProvider : IServiceProvider, IServiceScopeFactory, IServiceScope, IAsyncDisposable
{
    public static EmptyServiceProvider Instance { get; } = new();

    private EmptyServiceProvider()
    {
    }

    public IServiceProvider ServiceProvider => this;

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IServiceProvider) || serviceType == typeof(IServiceScopeFactory) ? this : null;

    public IServiceScope CreateScope() => this;

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => default;
}
