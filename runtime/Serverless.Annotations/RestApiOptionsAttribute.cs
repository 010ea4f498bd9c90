using System;

namespace Serverless;

/// <summary>Settings of the app's REST API (the <c>RestApi</c> resource of the template that serves every <see cref="RestApiAttribute"/> route).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class RestApiOptionsAttribute : Attribute
{
    /// <summary>The stage name; <c>Prod</c> when not set.</summary>
    public string? StageName { get; set; }

    /// <summary>Edge-optimized (API Gateway's default), regional or private.</summary>
    public RestApiEndpointType EndpointType { get; set; }

    /// <summary>The interface VPC endpoints (<c>vpce-...</c>) a private API accepts calls through.</summary>
    public string[]? VpcEndpointIds { get; set; }

    /// <summary>Steady-state requests per second for every method of the stage.</summary>
    public double ThrottlingRateLimit { get; set; }

    /// <summary>Burst of concurrent requests for every method of the stage.</summary>
    public int ThrottlingBurstLimit { get; set; }

    /// <summary>Whether every method requires an API key (<c>x-api-key</c>); a usage plan is created for the API.</summary>
    public bool ApiKeyRequired { get; set; }

    /// <summary>The usage plan's quota: requests per <see cref="UsagePlanQuotaPeriod"/>.</summary>
    public int UsagePlanQuotaLimit { get; set; }

    /// <summary>The period of <see cref="UsagePlanQuotaLimit"/>; a month when not set.</summary>
    public UsagePlanPeriod UsagePlanQuotaPeriod { get; set; }

    /// <summary>The usage plan's steady-state requests per second per API key.</summary>
    public double UsagePlanRateLimit { get; set; }

    /// <summary>The usage plan's burst per API key.</summary>
    public int UsagePlanBurstLimit { get; set; }

    /// <summary>
    /// Turns on the stage's response cache of this size in GB: <c>0.5</c>, <c>1.6</c>, <c>6.1</c>, <c>13.5</c>,
    /// <c>28.4</c>, <c>58.2</c>, <c>118</c> or <c>237</c>.
    /// </summary>
    public string? CacheClusterSize { get; set; }

    /// <summary>How long responses are cached, 0 to 3600 seconds (API Gateway's default 300 when not set).</summary>
    public int CacheTtlInSeconds { get; set; }

    /// <summary>
    /// The media types a REST API passes as binary (<c>image/png</c>, <c>application/pdf</c>, <c>image/*</c>,
    /// <c>*/*</c>): a response of such a type that the function returns base64-encoded (<c>HttpResults.Bytes</c>)
    /// reaches the client as bytes, and such a request body reaches the function base64-encoded. Without it a REST API
    /// sends binary responses as their base64 text. HTTP APIs need no list.
    /// </summary>
    public string[]? BinaryMediaTypes { get; set; }
}
