using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Runtime;

/// <summary>All functions of an app, plus the optional hook that registers its services.</summary>
public sealed class LambdaApplication
{
    /// <summary>Describes an app.</summary>
    /// <param name="functions">The functions; the bootstrap runs the one named by <c>_HANDLER</c>.</param>
    /// <param name="configureServices">Registers services; when set, a service provider is built once per process.</param>
    public LambdaApplication(IReadOnlyList<LambdaFunctionDefinition> functions,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Functions = functions;
        ConfigureServices = configureServices;
    }

    /// <summary>The app's functions.</summary>
    public IReadOnlyList<LambdaFunctionDefinition> Functions { get; }

    /// <summary>The hook that registers services, if any.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; }

    /// <summary>The function named <paramref name="name"/> (ordinal comparison), or null.</summary>
    internal LambdaFunctionDefinition? FindFunction(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var function in Functions)
        {
            if (function is not null && string.Equals(function.Name, name, StringComparison.Ordinal))
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The names of the functions, comma-separated, for messages.</summary>
    internal string DescribeFunctions()
    {
        if (Functions.Count == 0)
        {
            return "(none)";
        }

        return string.Join(", ", Functions.Where(f => f is not null).Select(f => f.Name));
    }
}
