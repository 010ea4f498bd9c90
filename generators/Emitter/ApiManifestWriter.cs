using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>
/// The auth, CORS and API parts of the manifest (docs/design/contracts.md, "Auth, CORS and API settings"): a route's
/// <c>auth</c>, and the root's <c>authorizers</c>, <c>cors</c>, <c>httpApi</c> and <c>restApi</c>. Fields are omitted when unset.
/// </summary>
internal static class ApiManifestWriter
{
    /// <summary>A route's <c>"auth"</c> object (method/class &gt; assembly), or null for a public route.</summary>
    public static string? RouteAuth(HttpRouteSpec route, AppSpec? app)
    {
        if (RouteAuthDeclaration.Resolve(route.Auth, app?.Api) is not { } requirement)
        {
            return null;
        }

        var json = new StringBuilder("{\"authorizer\":").Append(Literals.JsonString(requirement.Authorizer));
        if (!requirement.Scopes.IsEmpty)
        {
            json.Append(",\"scopes\":").Append(Array(requirement.Scopes));
        }

        return json.Append('}').ToString();
    }

    /// <summary>The root properties (each <c>,"name":value</c>), empty when the app declares none.</summary>
    public static string RootProperties(AppSpec? app)
    {
        if (app?.Api is not { } api)
        {
            return "";
        }

        var json = new StringBuilder();
        if (!api.Authorizers.IsEmpty)
        {
            json.Append(",\"authorizers\":[").Append(string.Join(",", api.Authorizers.Select(Authorizer))).Append(']');
        }

        if (api.Cors is { } cors)
        {
            var o = new ObjectWriter();
            o.Array("allowOrigins", cors.AllowOrigins);
            o.Array("allowMethods", cors.AllowMethods);
            o.Array("allowHeaders", cors.AllowHeaders);
            o.Array("exposeHeaders", cors.ExposeHeaders);
            if (cors.AllowCredentials)
            {
                o.Raw("allowCredentials", "true");
            }

            o.Int("maxAge", cors.MaxAge);
            json.Append(",\"cors\":").Append(o.ToString());
        }

        if (api.HttpApi is { } http)
        {
            var o = new ObjectWriter();
            o.String("stageName", http.StageName);
            o.Number("throttlingRateLimit", http.ThrottlingRateLimit);
            o.Int("throttlingBurstLimit", http.ThrottlingBurstLimit);
            json.Append(",\"httpApi\":").Append(o.ToString());
        }

        if (api.RestApi is { } rest)
        {
            var o = new ObjectWriter();
            o.String("stageName", rest.StageName);
            o.String("endpointType", rest.EndpointType);
            o.Array("vpcEndpointIds", rest.VpcEndpointIds);
            o.Array("binaryMediaTypes", rest.BinaryMediaTypes);
            o.Number("throttlingRateLimit", rest.ThrottlingRateLimit);
            o.Int("throttlingBurstLimit", rest.ThrottlingBurstLimit);
            if (rest.ApiKeyRequired)
            {
                o.Raw("apiKeyRequired", "true");
            }

            if (rest.HasUsagePlan)
            {
                var plan = new ObjectWriter();
                plan.Int("quotaLimit", rest.QuotaLimit);
                plan.String("quotaPeriod", rest.QuotaPeriod);
                plan.Number("rateLimit", rest.UsagePlanRateLimit);
                plan.Int("burstLimit", rest.UsagePlanBurstLimit);
                o.Raw("usagePlan", plan.ToString());
            }

            o.String("cacheClusterSize", rest.CacheClusterSize);
            o.Int("cacheTtlInSeconds", rest.CacheTtlInSeconds);
            json.Append(",\"restApi\":").Append(o.ToString());
        }

        return json.ToString();
    }

    private static string Authorizer(AuthorizerSpec authorizer)
    {
        var o = new ObjectWriter();
        o.String("name", authorizer.Name);
        o.String("type", authorizer.TypeName);
        o.String("issuer", authorizer.Issuer);
        o.Array("audience", authorizer.Audience);
        o.String("identitySource", authorizer.IdentitySource);
        o.String("userPoolArn", authorizer.UserPoolArn);
        o.String("functionArn", authorizer.FunctionArn);
        o.String("function", authorizer.Function);
        o.Int("resultTtlInSeconds", authorizer.ResultTtlInSeconds);
        if (authorizer.Kind == AuthorizerKind.Lambda)
        {
            o.Raw("simpleResponses", authorizer.SimpleResponses ? "true" : "false");
        }

        return o.ToString();
    }

    private static string Array(IEnumerable<string> values) => "[" + string.Join(",", values.Select(Literals.JsonString)) + "]";

    /// <summary>A JSON object written field by field; unset (null or empty) fields are skipped.</summary>
    private sealed class ObjectWriter
    {
        private readonly StringBuilder _json = new("{");

        public void Raw(string name, string value)
        {
            if (_json.Length > 1)
            {
                _json.Append(',');
            }

            _json.Append('"').Append(name).Append("\":").Append(value);
        }

        public void String(string name, string? value)
        {
            if (value is not null)
            {
                Raw(name, Literals.JsonString(value));
            }
        }

        public void Array(string name, EquatableArray<string> values)
        {
            if (!values.IsEmpty)
            {
                Raw(name, ApiManifestWriter.Array(values));
            }
        }

        public void Int(string name, int? value)
        {
            if (value is int v)
            {
                Raw(name, v.ToString(CultureInfo.InvariantCulture));
            }
        }

        public void Number(string name, double? value)
        {
            if (value is double v)
            {
                Raw(name, v.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        public override string ToString() => _json.ToString() + "}";
    }
}
