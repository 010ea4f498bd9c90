using System;

namespace Serverless;

/// <summary>
/// Says that functions reach their database through an Amazon RDS Proxy: on the assembly for every function, on a
/// class for its functions, on a method for that function (the narrowest one applies). The template gives each such
/// function the proxy's endpoint in the environment variable <see cref="EndpointVariable"/> and an
/// <c>rds-db:connect</c> permission on the proxy. Create the connection pool (a <c>DbDataSource</c>) once per
/// execution environment and point it at that endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RdsProxyAttribute : Attribute
{
    /// <summary>The name of the default environment variable that holds the proxy endpoint.</summary>
    public const string DefaultEndpointVariable = "RDS_PROXY_ENDPOINT";

    /// <param name="proxyName">The name of the RDS Proxy (the <c>DBProxyName</c>).</param>
    public RdsProxyAttribute(string proxyName)
    {
        ProxyName = proxyName;
    }

    /// <summary>The name of the RDS Proxy (the <c>DBProxyName</c>).</summary>
    public string ProxyName { get; }

    /// <summary>The environment variable that receives the proxy endpoint; <c>RDS_PROXY_ENDPOINT</c> by default.</summary>
    public string EndpointVariable { get; set; } = DefaultEndpointVariable;
}
