using System;

namespace Serverless;

/// <summary>
/// Makes a public method a Lambda function: the build generates its entry point and its
/// <c>AWS::Serverless::Function</c> resource. Numeric settings left at 0 inherit from
/// <see cref="ServerlessAppAttribute"/> and then from Lambda's defaults.
/// On a class, the class is one function serving every route of its public <c>[HttpApi]</c>/<c>[RestApi]</c>
/// methods through a generated router (one cold start and one set of settings for the whole API).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class LambdaFunctionAttribute : Attribute
{
    /// <summary>
    /// The function's name: the template's logical ID and the value of <c>_HANDLER</c>.
    /// Defaults to the class name followed by the method name; on a class, to the class name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Memory in MB (128–10,240).</summary>
    public int MemorySize { get; set; }

    /// <summary>Timeout in seconds (1–900).</summary>
    public int Timeout { get; set; }

    /// <summary>Ephemeral storage for <c>/tmp</c> in MB (512–10,240).</summary>
    public int EphemeralStorage { get; set; }

    /// <summary>Instruction set; <see cref="LambdaArchitecture.Default"/> inherits the app's.</summary>
    public LambdaArchitecture Architecture { get; set; }

    /// <summary>Reserved concurrent executions; -1 (the default) reserves none.</summary>
    public int ReservedConcurrency { get; set; } = -1;

    /// <summary>An IAM role ARN (or a <c>!GetAtt</c>-style logical ID) replacing the role SAM would create.</summary>
    public string? Role { get; set; }

    /// <summary>SAM policy templates or managed policy names/ARNs attached to the function's role.</summary>
    public string[]? Policies { get; set; }

    /// <summary>The function's description in the template.</summary>
    public string? Description { get; set; }
}
