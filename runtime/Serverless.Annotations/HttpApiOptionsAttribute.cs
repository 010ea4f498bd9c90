using System;

namespace Serverless;

/// <summary>Settings of the app's HTTP API (the <c>HttpApi</c> resource of the template that serves every <see cref="HttpApiAttribute"/> route).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class HttpApiOptionsAttribute : Attribute
{
    /// <summary>The stage name (<c>$default</c> when not set: no stage in the URL).</summary>
    public string? StageName { get; set; }

    /// <summary>Steady-state requests per second for every route (the stage's default route throttling).</summary>
    public double ThrottlingRateLimit { get; set; }

    /// <summary>Burst of concurrent requests for every route.</summary>
    public int ThrottlingBurstLimit { get; set; }
}
