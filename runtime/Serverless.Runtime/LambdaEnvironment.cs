namespace Serverless.Runtime;

/// <summary>Reads and writes environment variables; the process's by default, a dictionary in tests.</summary>
internal sealed class LambdaEnvironment
{
    private readonly Func<string, string?> _get;
    private readonly Action<string, string?> _set;

    private LambdaEnvironment(Func<string, string?> get, Action<string, string?> set)
    {
        _get = get;
        _set = set;
    }

    /// <summary>The process environment.</summary>
    public static LambdaEnvironment Process { get; } =
        new(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

    /// <summary>An environment backed by <paramref name="variables"/> (writes go there too).</summary>
    public static LambdaEnvironment FromDictionary(IDictionary<string, string?> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null,
            (name, value) =>
            {
                if (value is null)
                {
                    variables.Remove(name);
                }
                else
                {
                    variables[name] = value;
                }
            });

    public string? Get(string name) => _get(name);

    public void Set(string name, string? value) => _set(name, value);

    public int GetInt32(string name, int fallback) =>
        int.TryParse(Get(name), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
