using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// <c>[RdsProxy("name")]</c>: the function reaches its database through this Amazon RDS Proxy. The template gives the
/// function the proxy's endpoint in <paramref name="EndpointVariable"/> and <c>rds-db:connect</c> on the proxy.
/// </summary>
/// <param name="ProxyName">The proxy's <c>DBProxyName</c> (never empty).</param>
/// <param name="EndpointVariable">The environment variable that receives the endpoint (default <c>RDS_PROXY_ENDPOINT</c>).</param>
public sealed record RdsProxySpec(string ProxyName, string EndpointVariable)
{
    /// <summary>The attribute's default <c>EndpointVariable</c>.</summary>
    public const string DefaultEndpointVariable = "RDS_PROXY_ENDPOINT";

    /// <summary>
    /// A stand-in for the endpoint, as long as the longest one AWS gives such a proxy
    /// (<c>&lt;name&gt;.proxy-&lt;12 characters&gt;.&lt;region&gt;.rds.amazonaws.com</c>): the value the environment-size rule
    /// counts and the manifest carries. The template writer replaces it with the real endpoint.
    /// </summary>
    public string EndpointEstimate => ProxyName + ".proxy-xxxxxxxxxxxx.xx-xxxxxxxxx-x.rds.amazonaws.com";
}

/// <summary>The one reader of <c>[RdsProxy]</c>.</summary>
public static class RdsProxyReader
{
    /// <summary>A well-formed <c>[RdsProxy]</c> (a non-empty proxy name), else null.</summary>
    public static RdsProxySpec? TryRead(AttributeData attribute)
    {
        if (!attribute.IsAttribute(KnownNames.RdsProxyAttribute) || attribute.ConstructorString(0) is not { Length: > 0 } name)
        {
            return null;
        }

        var variable = attribute.NamedString("EndpointVariable") is { Length: > 0 } v ? v : RdsProxySpec.DefaultEndpointVariable;
        return new RdsProxySpec(name, variable);
    }

    /// <summary>The first well-formed <c>[RdsProxy]</c> among one symbol's attributes.</summary>
    public static RdsProxySpec? Read(IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (TryRead(attribute) is { } spec)
            {
                return spec;
            }
        }

        return null;
    }

    /// <summary>What the method (or the class of a class function) declares, else its innermost containing class that does (the assembly's is the app's).</summary>
    public static RdsProxySpec? ReadDeclared(ISymbol method)
    {
        if (Read(method.GetAttributes()) is { } own)
        {
            return own;
        }

        foreach (var type in method.ContainingTypesOutward())
        {
            if (Read(type.GetAttributes()) is { } declared)
            {
                return declared;
            }
        }

        return null;
    }

    /// <summary>Method &gt; class &gt; assembly: the proxy that applies to a function with these declared settings.</summary>
    public static RdsProxySpec? Resolve(FunctionSettings? declared, AppSpec? app) => declared?.RdsProxy ?? app?.RdsProxy;
}
