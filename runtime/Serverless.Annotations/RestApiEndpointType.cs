namespace Serverless;

/// <summary>Where a REST API's endpoint lives.</summary>
public enum RestApiEndpointType
{
    /// <summary>Not set: API Gateway's default (edge-optimized).</summary>
    Default = 0,

    /// <summary>Edge-optimized: through CloudFront's points of presence.</summary>
    Edge = 1,

    /// <summary>Regional: in the API's Region, for callers there or behind your own CDN.</summary>
    Regional = 2,

    /// <summary>Private: reachable only from VPCs through interface VPC endpoints (<see cref="RestApiOptionsAttribute.VpcEndpointIds"/>).</summary>
    Private = 3,
}
