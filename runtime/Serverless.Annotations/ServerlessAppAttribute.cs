using System;

namespace Serverless;

/// <summary>
/// Names the serverless application and sets defaults that every <see cref="LambdaFunctionAttribute"/>
/// in the assembly inherits unless it sets its own.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ServerlessAppAttribute : Attribute
{
    /// <param name="name">The application name; used as a prefix in descriptions and as the stack's tag value.</param>
    public ServerlessAppAttribute(string name) => Name = name;

    /// <summary>The application name.</summary>
    public string Name { get; }

    /// <summary>The Lambda runtime identifier. Defaults to <c>provided.al2023</c> (custom runtime, Native AOT ready).</summary>
    public string? Runtime { get; set; }

    /// <summary>The instruction set every function runs on unless it sets its own.</summary>
    public LambdaArchitecture Architecture { get; set; }

    /// <summary>Default memory in MB (128–10,240). 0 keeps Lambda's default of 128.</summary>
    public int MemorySize { get; set; }

    /// <summary>Default timeout in seconds (1–900). 0 keeps Lambda's default of 3.</summary>
    public int Timeout { get; set; }

    /// <summary>X-Ray tracing mode for every function.</summary>
    public TracingMode Tracing { get; set; }

    /// <summary>Tags for every function, each written <c>"key=value"</c>.</summary>
    public string[]? Tags { get; set; }

    /// <summary>
    /// The app's <c>System.Text.Json.Serialization.JsonSerializerContext</c> used by generated handlers.
    /// When not set, the generator uses the only context declared in the project, if there is exactly one.
    /// </summary>
    public Type? JsonContext { get; set; }
}
