using Serverless.Runtime.Http;

namespace Serverless.Runtime;

/// <summary>
/// One function of the app. <see cref="Create"/> runs once per process at init (its exceptions are init errors);
/// it receives the root service provider and returns the per-invocation handler.
/// </summary>
public sealed class LambdaFunctionDefinition
{
    private readonly IReadOnlyList<HttpRouteDefinition> _routes = [];

    /// <summary>Describes a function.</summary>
    /// <param name="name">The function name; the bootstrap selects the function whose name equals <c>_HANDLER</c>.</param>
    /// <param name="create">Builds the handler once per process from the root service provider.</param>
    /// <param name="memorySize">Memory in MB, or 0 when not set (the local tool then assumes 128 MB).</param>
    /// <param name="timeout">Timeout in seconds, or 0 when not set (the local tool then assumes 3 s).</param>
    public LambdaFunctionDefinition(string name, Func<IServiceProvider, LambdaFunctionHandler> create,
        int memorySize = 0, int timeout = 0)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A function needs a name.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfNegative(memorySize);
        ArgumentOutOfRangeException.ThrowIfNegative(timeout);
        Name = name;
        Create = create;
        MemorySize = memorySize;
        Timeout = timeout;
    }

    /// <summary>The function name (the handler string Lambda passes in <c>_HANDLER</c>).</summary>
    public string Name { get; }

    /// <summary>Builds the per-invocation handler from the root service provider; runs once per process.</summary>
    public Func<IServiceProvider, LambdaFunctionHandler> Create { get; }

    /// <summary>Memory in MB, or 0 when not set.</summary>
    public int MemorySize { get; }

    /// <summary>Timeout in seconds, or 0 when not set.</summary>
    public int Timeout { get; }

    /// <summary>
    /// Variables resolved from SSM Parameter Store or Secrets Manager before <see cref="Create"/> runs
    /// (<c>[Environment(key, FromParameter = ...)]</c>, <c>FromSecret</c>); empty when there are none. In Lambda they are
    /// resolved at the start of the first invocation (the AWS Parameters and Secrets Lambda Extension answers only
    /// during invocations), and <see cref="Create"/> runs right after.
    /// </summary>
    public IReadOnlyList<EnvironmentReference> EnvironmentReferences
    {
        get => _environmentReferences;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var reference in value)
            {
                ArgumentNullException.ThrowIfNull(reference, nameof(value));
            }

            _environmentReferences = value.ToArray();
        }
    }

    private readonly IReadOnlyList<EnvironmentReference> _environmentReferences = Array.Empty<EnvironmentReference>();

    /// <summary>
    /// The API Gateway routes that invoke this function (method, path template, payload format); empty for functions
    /// that are not HTTP endpoints. The local API server (<c>serve</c>) serves these.
    /// </summary>
    public IReadOnlyList<HttpRouteDefinition> Routes
    {
        get => _routes;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _routes = value;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
