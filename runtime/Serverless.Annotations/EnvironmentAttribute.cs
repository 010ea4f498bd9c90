using System;

namespace Serverless;

/// <summary>
/// Adds an environment variable to functions: on the assembly for every function, on a class for its
/// functions, on a method for that function. A narrower scope overrides a wider one for the same key.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class EnvironmentAttribute : Attribute
{
    /// <param name="key">The variable name.</param>
    /// <param name="value">The literal value.</param>
    public EnvironmentAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The variable name.</summary>
    public string Key { get; }

    /// <summary>The literal value.</summary>
    public string Value { get; }
}
