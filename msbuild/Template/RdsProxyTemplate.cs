using System.Text;
using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// What <c>[RdsProxy("name")]</c> adds to a function: the proxy's endpoint in the function's endpoint variable and an
/// inline policy statement allowing <c>rds-db:connect</c> on the proxy (IAM database authentication through the proxy).
/// When the template has a hand-written <c>AWS::RDS::DBProxy</c> whose <c>DBProxyName</c> or logical ID is the name, both
/// come from that resource (<c>Fn::GetAtt</c> of <c>Endpoint</c> and of <c>DBProxyArn</c>); otherwise from two template
/// parameters the tool owns (<see cref="RdsProxyParameterWriter"/>), which the user fills at deploy time.
/// Lambda@Edge functions get nothing (they have no environment and cannot reach a VPC).
/// </summary>
public static class RdsProxyTemplate
{
    public const string DBProxyType = "AWS::RDS::DBProxy";

    public const string ConnectAction = "rds-db:connect";

    private const string DbUserArnPrefix = "arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:";

    /// <summary>Whether the function gets the proxy's endpoint and permission.</summary>
    public static bool Applies(ManifestFunction f) => f.RdsProxy is not null && !f.IsEdge;

    /// <summary>
    /// The logical ID of the user's <c>AWS::RDS::DBProxy</c> for <paramref name="proxyName"/>: the one whose
    /// <c>DBProxyName</c> is the name, else the one whose logical ID is; null when there is none.
    /// </summary>
    public static string? FindProxyResource(JsonObject? resources, string proxyName)
    {
        if (resources is null)
        {
            return null;
        }

        string? byLogicalId = null;
        foreach (var pair in resources)
        {
            if (pair.Value is not JsonObject resource || TemplateMerger.IsOwned(resource)
                || resource["Type"] is not JsonValue type || !type.TryGetValue(out string? typeName) || typeName != DBProxyType)
            {
                continue;
            }

            if (resource["Properties"] is JsonObject properties && properties["DBProxyName"] is JsonValue name
                && name.TryGetValue(out string? declared) && declared == proxyName)
            {
                return pair.Key;
            }

            if (pair.Key == proxyName)
            {
                byLogicalId = pair.Key;
            }
        }

        return byLogicalId;
    }

    /// <summary>The endpoint: <c>Fn::GetAtt [id, Endpoint]</c> of the user's proxy, else <c>Ref</c> of the endpoint parameter.</summary>
    public static JsonNode Endpoint(ManifestRdsProxy proxy, JsonObject? resources) =>
        FindProxyResource(resources, proxy.Name) is { } id
            ? new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, "Endpoint") }
            : new JsonObject { ["Ref"] = EndpointParameter(proxy.Name) };

    /// <summary>
    /// The inline policy (<c>{"Statement": [...]}</c>, an item of SAM's <c>Policies</c>) allowing <c>rds-db:connect</c> as
    /// any database user through the proxy: <c>arn:...:rds-db:region:account:dbuser:&lt;proxy resource id&gt;/*</c>. The
    /// resource id (<c>prx-...</c>) is the last part of the proxy's ARN.
    /// </summary>
    public static JsonObject Policy(ManifestRdsProxy proxy, JsonObject? resources)
    {
        JsonNode resource = FindProxyResource(resources, proxy.Name) is { } id
            ? new JsonObject
            {
                ["Fn::Sub"] = new JsonArray(
                    DbUserArnPrefix + "${ProxyResourceId}/*",
                    new JsonObject
                    {
                        // arn:aws:rds:region:account:db-proxy:prx-0123456789abcdef0 -> the 7th part.
                        ["ProxyResourceId"] = new JsonObject
                        {
                            ["Fn::Select"] = new JsonArray(6, new JsonObject
                            {
                                ["Fn::Split"] = new JsonArray(":", new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, "DBProxyArn") }),
                            }),
                        },
                    }),
            }
            : new JsonObject { ["Fn::Sub"] = DbUserArnPrefix + "${" + ResourceIdParameter(proxy.Name) + "}/*" };

        return new JsonObject
        {
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = ConnectAction,
                ["Resource"] = resource,
            }),
        };
    }

    /// <summary>The template parameter of a proxy's endpoint: <c>&lt;Name&gt;ProxyEndpoint</c> (<c>orders-db</c> -> <c>OrdersDbProxyEndpoint</c>).</summary>
    public static string EndpointParameter(string proxyName) => ParameterBase(proxyName) + "ProxyEndpoint";

    /// <summary>The template parameter of a proxy's resource id: <c>&lt;Name&gt;ProxyResourceId</c>.</summary>
    public static string ResourceIdParameter(string proxyName) => ParameterBase(proxyName) + "ProxyResourceId";

    /// <summary>The proxy name as an alphanumeric logical name: each run of letters and digits, capitalized.</summary>
    private static string ParameterBase(string proxyName)
    {
        var builder = new StringBuilder(proxyName.Length);
        var capitalize = true;
        foreach (var c in proxyName)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append(capitalize ? char.ToUpperInvariant(c) : c);
                capitalize = false;
            }
            else
            {
                capitalize = true;
            }
        }

        return builder.Length == 0 || char.IsDigit(builder[0]) ? "Rds" + builder : builder.ToString();
    }
}

/// <summary>
/// The template parameters of each RDS Proxy that some function uses and the template does not declare as an
/// <c>AWS::RDS::DBProxy</c>: its endpoint and its resource id, both given at deploy time.
/// </summary>
public sealed class RdsProxyParameterWriter : ITemplateParameterWriter
{
    public IEnumerable<OwnedParameter> Write(ServerlessManifest manifest, TemplateOptions options)
    {
        var names = manifest.Functions.Where(RdsProxyTemplate.Applies)
            .Select(f => f.RdsProxy!.Name)
            .Distinct(StringComparer.Ordinal)
            .Where(name => RdsProxyTemplate.FindProxyResource(options.ExistingResources, name) is null);
        foreach (var name in names)
        {
            yield return new OwnedParameter(RdsProxyTemplate.EndpointParameter(name), new KeyValuePair<string, JsonNode>[]
            {
                new("Type", "String"),
                new("Description", $"Endpoint of the RDS Proxy '{name}' (the proxy's Endpoint, {name}.proxy-<id>.<region>.rds.amazonaws.com), for functions with [RdsProxy(\"{name}\")]"),
            });
            yield return new OwnedParameter(RdsProxyTemplate.ResourceIdParameter(name), new KeyValuePair<string, JsonNode>[]
            {
                new("Type", "String"),
                new("Description", $"Resource ID of the RDS Proxy '{name}' (the last part of its ARN, prx-...), for the rds-db:connect permission of functions with [RdsProxy(\"{name}\")]"),
                new("AllowedPattern", "^prx-[a-z0-9]+$"),
            });
        }
    }
}
