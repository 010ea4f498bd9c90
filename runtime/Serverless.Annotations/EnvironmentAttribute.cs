using System;

namespace Serverless;

/// <summary>
/// Adds an environment variable to functions: on the assembly for every function, on a class for its
/// functions, on a method for that function. A narrower scope overrides a wider one for the same key.
/// </summary>
/// <remarks>
/// Give exactly one of a literal value (<c>[Environment("STAGE", "prod")]</c>), an SSM Parameter Store parameter
/// (<c>[Environment("DB_PASSWORD", FromParameter = "/orders/db-password")]</c>) or a Secrets Manager secret
/// (<c>[Environment("API_KEY", FromSecret = "orders/api-key")]</c>). A reference is resolved once per execution
/// environment, before the function's handler class is created, through the AWS Parameters and Secrets Lambda
/// Extension; user code reads the variable as usual (<c>Environment.GetEnvironmentVariable</c>). The template grants
/// read access to the parameter or secret and adds the extension layer.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class EnvironmentAttribute : Attribute
{
    /// <summary>A variable whose value comes from <see cref="FromParameter"/> or <see cref="FromSecret"/>.</summary>
    /// <param name="key">The variable name.</param>
    public EnvironmentAttribute(string key)
    {
        Key = key;
    }

    /// <param name="key">The variable name.</param>
    /// <param name="value">The literal value.</param>
    public EnvironmentAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The variable name.</summary>
    public string Key { get; }

    /// <summary>The literal value, or null when the value comes from a parameter or a secret.</summary>
    public string? Value { get; }

    /// <summary>
    /// The name of an SSM Parameter Store parameter (<c>/orders/db-password</c>) whose value, decrypted when it is a
    /// SecureString, becomes the variable's value at init.
    /// </summary>
    public string? FromParameter { get; set; }

    /// <summary>
    /// The name or ARN of a Secrets Manager secret (<c>orders/api-key</c>) whose <c>SecretString</c> becomes the
    /// variable's value at init.
    /// </summary>
    public string? FromSecret { get; set; }
}
