using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;

namespace Serverless.Build.Tasks.Template;

/// <summary>
/// The app's explicit APIs: <c>AWS::Serverless::HttpApi</c> <c>HttpApi</c> when a function has an <c>[HttpApi]</c> route,
/// <c>AWS::Serverless::Api</c> <c>RestApi</c> when one has a <c>[RestApi]</c> route (their events reference them, see
/// <see cref="HttpEventTemplate"/>). They carry the stage, throttling, CORS, the authorizers the API's routes use, and
/// for REST the endpoint type, usage plan and cache. Merged like functions: hand-added properties are kept, and the
/// resource goes when the last route of its kind does.
/// </summary>
public sealed class ApiResourceWriter : IResourceWriter
{
    public const string HttpApiLogicalId = "HttpApi";
    public const string RestApiLogicalId = "RestApi";
    public const string HttpApiType = "AWS::Serverless::HttpApi";
    public const string RestApiType = "AWS::Serverless::Api";
    public const string DefaultRestStageName = "Prod";

    public IEnumerable<OwnedResource> Write(ServerlessManifest manifest, TemplateOptions options)
    {
        var routes = HttpEventTemplate.Routes(manifest).ToList();
        var api = manifest.Api;
        var httpRoutes = routes.Where(r => !r.Route.IsRest).Select(r => r.Route).ToList();
        var restRoutes = routes.Where(r => r.Route.IsRest).Select(r => r.Route).ToList();
        if (httpRoutes.Count > 0)
        {
            yield return HttpApi(api, httpRoutes);
        }

        if (restRoutes.Count > 0)
        {
            yield return RestApi(api, restRoutes);
        }
    }

    private static OwnedResource HttpApi(ManifestApi api, List<HttpRoute> routes)
    {
        var p = new List<KeyValuePair<string, JsonNode>>();
        if (api.HttpApi?.StageName is { Length: > 0 } stage)
        {
            p.Add(new("StageName", stage));
        }

        if (api.HttpApi is { } options && Throttling(options.ThrottlingRateLimit, options.ThrottlingBurstLimit) is { } throttling)
        {
            p.Add(new("DefaultRouteSettings", throttling));
        }

        if (api.Cors is { AllowOrigins.Count: > 0 } cors)
        {
            var c = new JsonObject { ["AllowOrigins"] = Strings(cors.AllowOrigins) };
            if (cors.AllowMethods.Count > 0)
            {
                c["AllowMethods"] = Strings(cors.AllowMethods);
            }

            if (cors.AllowHeaders.Count > 0)
            {
                c["AllowHeaders"] = Strings(cors.AllowHeaders);
            }

            if (cors.ExposeHeaders.Count > 0)
            {
                c["ExposeHeaders"] = Strings(cors.ExposeHeaders);
            }

            if (cors.AllowCredentials)
            {
                c["AllowCredentials"] = true;
            }

            if (cors.MaxAge is { } maxAge)
            {
                c["MaxAge"] = maxAge;
            }

            p.Add(new("CorsConfiguration", c));
        }

        var auth = new JsonObject();
        var authorizers = new JsonObject();
        foreach (var authorizer in Used(api, routes))
        {
            authorizers[authorizer.Name] = authorizer.Type switch
            {
                "jwt" => Jwt(authorizer.Issuer, authorizer.Audience, authorizer.IdentitySource ?? "$request.header.Authorization"),
                "cognito" => Jwt(CognitoIssuer(authorizer.UserPoolArn), authorizer.Audience, "$request.header." + (authorizer.IdentitySource ?? "Authorization")),
                _ => HttpLambda(authorizer),
            };
        }

        if (authorizers.Count > 0)
        {
            auth["Authorizers"] = authorizers;
        }

        if (routes.Any(r => r.Auth is { IsIam: true }))
        {
            auth["EnableIamAuthorizer"] = true;
        }

        if (auth.Count > 0)
        {
            p.Add(new("Auth", auth));
        }

        return new OwnedResource(HttpApiLogicalId, HttpApiType, p);
    }

    private static OwnedResource RestApi(ManifestApi api, List<HttpRoute> routes)
    {
        var options = api.RestApi;
        var p = new List<KeyValuePair<string, JsonNode>>
        {
            new("StageName", options?.StageName is { Length: > 0 } stage ? stage : DefaultRestStageName),
        };
        if (options?.EndpointType is { Length: > 0 } endpoint)
        {
            var configuration = new JsonObject { ["Type"] = endpoint };
            if (endpoint == "PRIVATE" && options.VpcEndpointIds is { Count: > 0 } endpoints)
            {
                configuration["VpcEndpointIds"] = Strings(endpoints);
            }

            p.Add(new("EndpointConfiguration", configuration));
        }

        // SAM takes media types with '/' written '~1' (it puts them into the API's OpenAPI document as JSON pointers).
        if (options?.BinaryMediaTypes is { Count: > 0 } binary)
        {
            p.Add(new("BinaryMediaTypes", Strings(binary.Select(t => t.Replace("/", "~1")).ToList())));
        }

        if (options?.CacheClusterSize is { Length: > 0 } size)
        {
            p.Add(new("CacheClusterEnabled", true));
            p.Add(new("CacheClusterSize", size));
        }

        // Stage-wide method settings: throttling and response caching for every resource and method.
        var settings = Throttling(options?.ThrottlingRateLimit, options?.ThrottlingBurstLimit) ?? new JsonObject();
        if (options?.CacheClusterSize is { Length: > 0 })
        {
            settings["CachingEnabled"] = true;
            if (options.CacheTtlInSeconds is { } ttl)
            {
                settings["CacheTtlInSeconds"] = ttl;
            }
        }

        if (settings.Count > 0)
        {
            var all = new JsonObject { ["ResourcePath"] = "/*", ["HttpMethod"] = "*" };
            foreach (var pair in settings.ToList())
            {
                settings.Remove(pair.Key);
                all[pair.Key] = pair.Value;
            }

            p.Add(new("MethodSettings", new JsonArray(all)));
        }

        if (api.Cors is { AllowOrigins.Count: > 0 } cors)
        {
            // REST CORS values are header values as quoted strings; one origin (SLS3012 reports more).
            var c = new JsonObject { ["AllowOrigin"] = Quoted(cors.AllowOrigins[0]) };
            if (cors.AllowMethods.Count > 0)
            {
                c["AllowMethods"] = Quoted(string.Join(",", cors.AllowMethods));
            }

            if (cors.AllowHeaders.Count > 0)
            {
                c["AllowHeaders"] = Quoted(string.Join(",", cors.AllowHeaders));
            }

            if (cors.MaxAge is { } maxAge)
            {
                c["MaxAge"] = Quoted(maxAge.ToString(CultureInfo.InvariantCulture));
            }

            if (cors.AllowCredentials)
            {
                c["AllowCredentials"] = true;
            }

            p.Add(new("Cors", c));
        }

        var auth = new JsonObject();
        var authorizers = new JsonObject();
        foreach (var authorizer in Used(api, routes))
        {
            var identity = new JsonObject();
            if (authorizer.Type == "cognito")
            {
                if (authorizer.IdentitySource is { Length: > 0 } header && header != "Authorization")
                {
                    identity["Header"] = header;
                }

                var cognito = new JsonObject { ["UserPoolArn"] = authorizer.UserPoolArn };
                if (identity.Count > 0)
                {
                    cognito["Identity"] = identity;
                }

                authorizers[authorizer.Name] = cognito;
            }
            else if (authorizer.Type == "lambda")
            {
                identity["Header"] = authorizer.IdentitySource ?? "Authorization";
                if (authorizer.ResultTtlInSeconds is { } ttl)
                {
                    identity["ReauthorizeEvery"] = ttl;
                }

                authorizers[authorizer.Name] = new JsonObject
                {
                    ["FunctionPayloadType"] = "TOKEN",
                    ["FunctionArn"] = FunctionArn(authorizer),
                    ["Identity"] = identity,
                };
            }
        }

        if (authorizers.Count > 0)
        {
            auth["Authorizers"] = authorizers;
        }

        if (options?.UsagePlan is { } plan)
        {
            var usagePlan = new JsonObject { ["CreateUsagePlan"] = "PER_API" };
            if (plan.QuotaLimit is { } limit)
            {
                usagePlan["Quota"] = new JsonObject { ["Limit"] = limit, ["Period"] = plan.QuotaPeriod ?? "MONTH" };
            }

            var throttle = new JsonObject();
            if (plan.RateLimit is { } rate)
            {
                throttle["RateLimit"] = rate;
            }

            if (plan.BurstLimit is { } burst)
            {
                throttle["BurstLimit"] = burst;
            }

            if (throttle.Count > 0)
            {
                usagePlan["Throttle"] = throttle;
            }

            auth["UsagePlan"] = usagePlan;
        }

        if (options is { EndpointType: "PRIVATE", VpcEndpointIds.Count: > 0 })
        {
            // A private API without a resource policy refuses every call: allow the listed endpoints.
            auth["ResourcePolicy"] = new JsonObject { ["IntrinsicVpceWhitelist"] = Strings(options.VpcEndpointIds) };
        }

        if (auth.Count > 0)
        {
            p.Add(new("Auth", auth));
        }

        return new OwnedResource(RestApiLogicalId, RestApiType, p);
    }

    /// <summary>The declared authorizers the routes use, in declaration order (an API gets only what it uses).</summary>
    private static IEnumerable<ManifestAuthorizer> Used(ManifestApi api, List<HttpRoute> routes)
    {
        var names = new HashSet<string>(routes.Where(r => r.Auth is not null).Select(r => r.Auth!.Authorizer), StringComparer.Ordinal);
        return api.Authorizers.Where(a => names.Contains(a.Name));
    }

    private static JsonObject Jwt(string? issuer, IReadOnlyList<string>? audience, string identitySource) => new()
    {
        ["JwtConfiguration"] = new JsonObject
        {
            ["issuer"] = issuer,
            ["audience"] = Strings(audience ?? Array.Empty<string>()),
        },
        ["IdentitySource"] = identitySource,
    };

    private static JsonObject HttpLambda(ManifestAuthorizer authorizer)
    {
        var identity = new JsonObject { ["Headers"] = new JsonArray(authorizer.IdentitySource ?? "Authorization") };
        if (authorizer.ResultTtlInSeconds is { } ttl)
        {
            identity["ReauthorizeEvery"] = ttl;
        }

        return new JsonObject
        {
            ["FunctionArn"] = FunctionArn(authorizer),
            ["AuthorizerPayloadFormatVersion"] = "2.0",
            ["EnableSimpleResponses"] = authorizer.SimpleResponses,
            // SAM grants an HTTP API no permission to invoke the authorizer unless asked.
            ["EnableFunctionDefaultPermissions"] = true,
            ["Identity"] = identity,
        };
    }

    /// <summary>A function of this app by <c>Fn::GetAtt</c>, else the ARN as written.</summary>
    private static JsonNode FunctionArn(ManifestAuthorizer authorizer) =>
        authorizer.Function is { Length: > 0 } function
            ? new JsonObject { ["Fn::GetAtt"] = new JsonArray(function, "Arn") }
            : JsonValue.Create(authorizer.FunctionArn ?? "")!;

    /// <summary><c>arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC</c> -> <c>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC</c>.</summary>
    public static string? CognitoIssuer(string? userPoolArn)
    {
        var parts = userPoolArn?.Split(':');
        if (parts is not { Length: 6 } || !parts[5].StartsWith("userpool/", StringComparison.Ordinal))
        {
            return null;
        }

        var suffix = parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        return $"https://cognito-idp.{parts[3]}.{suffix}/{parts[5].Substring("userpool/".Length)}";
    }

    private static JsonObject? Throttling(double? rate, int? burst)
    {
        if (rate is null && burst is null)
        {
            return null;
        }

        var o = new JsonObject();
        if (burst is { } b)
        {
            o["ThrottlingBurstLimit"] = b;
        }

        if (rate is { } r)
        {
            o["ThrottlingRateLimit"] = r;
        }

        return o;
    }

    private static string Quoted(string value) => "'" + value + "'";

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
