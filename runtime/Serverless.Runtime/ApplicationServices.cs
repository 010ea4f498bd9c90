using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime;

/// <summary>The root service provider of the process and the scope factory invocations use.</summary>
internal sealed class ApplicationServices : IAsyncDisposable
{
    private ApplicationServices(IServiceProvider root, IServiceScopeFactory scopes)
    {
        Root = root;
        Scopes = scopes;
    }

    public IServiceProvider Root { get; }

    public IServiceScopeFactory Scopes { get; }

    /// <summary>
    /// Builds the provider once: the app's services when it configures any, the empty provider otherwise.
    /// Exceptions from the app's hook propagate (they are init errors).
    /// </summary>
    public static ApplicationServices Build(LambdaApplication application)
    {
        if (application.ConfigureServices is null)
        {
            return new ApplicationServices(EmptyServiceProvider.Instance, EmptyServiceProvider.Instance);
        }

        var services = new ServiceCollection();
        application.ConfigureServices(services);
        var provider = services.BuildServiceProvider();
        return new ApplicationServices(provider, provider.GetRequiredService<IServiceScopeFactory>());
    }

    public AsyncServiceScope CreateScope() => Scopes.CreateAsyncScope();

    public ValueTask DisposeAsync() => Root is IAsyncDisposable disposable ? disposable.DisposeAsync() : default;
}
