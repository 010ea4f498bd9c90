namespace Serverless.Runtime;

/// <summary>Where an <see cref="EnvironmentReference"/>'s value is stored.</summary>
public enum EnvironmentReferenceKind
{
    /// <summary>An SSM Parameter Store parameter (<c>[Environment(key, FromParameter = name)]</c>), read with decryption.</summary>
    Parameter,

    /// <summary>A Secrets Manager secret (<c>[Environment(key, FromSecret = id)]</c>); its <c>SecretString</c> is the value.</summary>
    Secret,
}

/// <summary>
/// An environment variable whose value is resolved once per execution environment, before the function's handler is
/// created: the runtime reads the parameter or secret through the AWS Parameters and Secrets Lambda Extension and sets
/// the variable, so user code reads it with <see cref="Environment.GetEnvironmentVariable(string)"/> as usual. In the
/// function's configuration the variable holds <see cref="Name"/>; a variable already set to anything else wins (an
/// override, e.g. for a local run).
/// </summary>
public sealed class EnvironmentReference
{
    /// <param name="variable">The environment variable to set.</param>
    /// <param name="kind">Parameter or secret.</param>
    /// <param name="name">The parameter name (<c>/orders/db-password</c>) or the secret's name or ARN.</param>
    public EnvironmentReference(string variable, EnvironmentReferenceKind kind, string name)
    {
        if (string.IsNullOrEmpty(variable))
        {
            throw new ArgumentException("A reference needs a variable name.", nameof(variable));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A reference needs a parameter name or a secret id.", nameof(name));
        }

        if (kind is not (EnvironmentReferenceKind.Parameter or EnvironmentReferenceKind.Secret))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        Variable = variable;
        Kind = kind;
        Name = name;
    }

    /// <summary>A variable read from an SSM Parameter Store parameter.</summary>
    public static EnvironmentReference Parameter(string variable, string parameterName) =>
        new(variable, EnvironmentReferenceKind.Parameter, parameterName);

    /// <summary>A variable read from a Secrets Manager secret.</summary>
    public static EnvironmentReference Secret(string variable, string secretId) =>
        new(variable, EnvironmentReferenceKind.Secret, secretId);

    /// <summary>The environment variable to set.</summary>
    public string Variable { get; }

    /// <summary>Parameter or secret.</summary>
    public EnvironmentReferenceKind Kind { get; }

    /// <summary>The parameter name or the secret id.</summary>
    public string Name { get; }

    /// <summary><c>SSM parameter '/orders/db-password'</c> or <c>Secrets Manager secret 'orders/api-key'</c>.</summary>
    public string Describe() => (Kind == EnvironmentReferenceKind.Parameter ? "SSM parameter '" : "Secrets Manager secret '") + Name + "'";

    /// <inheritdoc />
    public override string ToString() => Variable + " <- " + Describe();
}

/// <summary>
/// An <see cref="EnvironmentReference"/> could not be resolved. The message names the variable and the reference,
/// never a value.
/// </summary>
public sealed class EnvironmentReferenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnvironmentReferenceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
