using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Build.Tasks.Manifest;

/// <summary>
/// The manifest's auth, CORS and API settings (docs/design/contracts.md, "Auth, CORS and API settings"): the root's
/// <c>authorizers</c>, <c>cors</c>, <c>httpApi</c> and <c>restApi</c>. Null members were not set.
/// </summary>
public sealed record ManifestApi(
    IReadOnlyList<ManifestAuthorizer> Authorizers,
    ManifestCors? Cors,
    ManifestHttpApiOptions? HttpApi,
    ManifestRestApiOptions? RestApi)
{
    public static readonly ManifestApi None = new(Array.Empty<ManifestAuthorizer>(), null, null, null);

    /// <summary>The authorizer of that name, if declared.</summary>
    public ManifestAuthorizer? Authorizer(string name) => Authorizers.FirstOrDefault(a => a.Name == name);

    /// <summary>Reads the root's API parts; throws <see cref="ManifestException"/> naming the bad field.</summary>
    public static ManifestApi Read(JsonObject root)
    {
        var authorizers = new List<ManifestAuthorizer>();
        if (Node<JsonArray>(root, "authorizers", "$") is { } array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"$.authorizers[{i}]";
                var o = array[i] as JsonObject ?? throw new ManifestException($"{path} is not an object");
                authorizers.Add(new ManifestAuthorizer(
                    String(o, "name", path) ?? throw new ManifestException($"{path}.name is missing"),
                    String(o, "type", path) ?? throw new ManifestException($"{path}.type is missing"))
                {
                    Issuer = String(o, "issuer", path),
                    Audience = Strings(o, "audience", path),
                    IdentitySource = String(o, "identitySource", path),
                    UserPoolArn = String(o, "userPoolArn", path),
                    FunctionArn = String(o, "functionArn", path),
                    Function = String(o, "function", path),
                    ResultTtlInSeconds = Int(o, "resultTtlInSeconds", path),
                    SimpleResponses = Bool(o, "simpleResponses", path) ?? true,
                });
            }
        }

        ManifestCors? cors = null;
        if (Node<JsonObject>(root, "cors", "$") is { } c)
        {
            const string Path = "$.cors";
            cors = new ManifestCors(
                Strings(c, "allowOrigins", Path) ?? Array.Empty<string>(),
                Strings(c, "allowMethods", Path) ?? Array.Empty<string>(),
                Strings(c, "allowHeaders", Path) ?? Array.Empty<string>(),
                Strings(c, "exposeHeaders", Path) ?? Array.Empty<string>(),
                Bool(c, "allowCredentials", Path) ?? false,
                Int(c, "maxAge", Path));
        }

        ManifestHttpApiOptions? http = null;
        if (Node<JsonObject>(root, "httpApi", "$") is { } h)
        {
            const string Path = "$.httpApi";
            http = new ManifestHttpApiOptions(String(h, "stageName", Path), Number(h, "throttlingRateLimit", Path), Int(h, "throttlingBurstLimit", Path));
        }

        ManifestRestApiOptions? rest = null;
        if (Node<JsonObject>(root, "restApi", "$") is { } r)
        {
            const string Path = "$.restApi";
            ManifestUsagePlan? plan = null;
            if (Node<JsonObject>(r, "usagePlan", Path) is { } p)
            {
                const string PlanPath = Path + ".usagePlan";
                plan = new ManifestUsagePlan(Int(p, "quotaLimit", PlanPath), String(p, "quotaPeriod", PlanPath), Number(p, "rateLimit", PlanPath), Int(p, "burstLimit", PlanPath));
            }

            rest = new ManifestRestApiOptions(String(r, "stageName", Path), String(r, "endpointType", Path))
            {
                VpcEndpointIds = Strings(r, "vpcEndpointIds", Path),
                BinaryMediaTypes = Strings(r, "binaryMediaTypes", Path),
                ThrottlingRateLimit = Number(r, "throttlingRateLimit", Path),
                ThrottlingBurstLimit = Int(r, "throttlingBurstLimit", Path),
                ApiKeyRequired = Bool(r, "apiKeyRequired", Path) ?? false,
                UsagePlan = plan,
                CacheClusterSize = String(r, "cacheClusterSize", Path),
                CacheTtlInSeconds = Int(r, "cacheTtlInSeconds", Path),
            };
        }

        return authorizers.Count == 0 && cors is null && http is null && rest is null ? None : new ManifestApi(authorizers, cors, http, rest);
    }

    /// <summary>A route's <c>"auth"</c> (<c>{"authorizer", "scopes"}</c>), or null for a public route.</summary>
    public static ManifestRouteAuth? ReadRouteAuth(JsonObject route, string path)
    {
        if (Node<JsonObject>(route, "auth", path) is not { } auth)
        {
            return null;
        }

        return new ManifestRouteAuth(
            String(auth, "authorizer", path + ".auth") ?? throw new ManifestException($"{path}.auth.authorizer is missing"),
            Strings(auth, "scopes", path + ".auth") ?? Array.Empty<string>());
    }

    private static T? Node<T>(JsonObject o, string name, string path) where T : JsonNode => o[name] switch
    {
        null => null,
        T t => t,
        _ => throw new ManifestException($"{path}.{name} must be {(typeof(T) == typeof(JsonArray) ? "an array" : "an object")}"),
    };

    private static string? String(JsonObject o, string name, string path) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw new ManifestException($"{path}.{name} must be a string"),
    };

    private static int? Int(JsonObject o, string name, string path) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out int i) => i,
        _ => throw new ManifestException($"{path}.{name} must be an integer"),
    };

    private static double? Number(JsonObject o, string name, string path) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => throw new ManifestException($"{path}.{name} must be a number"),
    };

    private static bool? Bool(JsonObject o, string name, string path) => o[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out bool b) => b,
        _ => throw new ManifestException($"{path}.{name} must be true or false"),
    };

    private static IReadOnlyList<string>? Strings(JsonObject o, string name, string path)
    {
        if (Node<JsonArray>(o, name, path) is not { } array)
        {
            return null;
        }

        var list = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(array[i] is JsonValue v && v.TryGetValue(out string? s) && s is not null
                ? s
                : throw new ManifestException($"{path}.{name}[{i.ToString(CultureInfo.InvariantCulture)}] must be a string"));
        }

        return list;
    }
}

/// <summary>One authorizer: <see cref="Type"/> is <c>jwt</c>, <c>cognito</c> or <c>lambda</c>.</summary>
public sealed record ManifestAuthorizer(string Name, string Type)
{
    public string? Issuer { get; init; }
    public IReadOnlyList<string>? Audience { get; init; }
    public string? IdentitySource { get; init; }
    public string? UserPoolArn { get; init; }
    public string? FunctionArn { get; init; }

    /// <summary>A function of this app (its logical ID) that authorizes.</summary>
    public string? Function { get; init; }

    public int? ResultTtlInSeconds { get; init; }
    public bool SimpleResponses { get; init; } = true;
}

/// <summary>A route's auth: the authorizer's name (<c>AWS_IAM</c> for IAM) and the OAuth scopes.</summary>
public sealed record ManifestRouteAuth(string Authorizer, IReadOnlyList<string> Scopes)
{
    public bool IsIam => Authorizer == "AWS_IAM";
}

public sealed record ManifestCors(
    IReadOnlyList<string> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    bool AllowCredentials,
    int? MaxAge);

public sealed record ManifestHttpApiOptions(string? StageName, double? ThrottlingRateLimit, int? ThrottlingBurstLimit);

public sealed record ManifestUsagePlan(int? QuotaLimit, string? QuotaPeriod, double? RateLimit, int? BurstLimit);

/// <summary>REST API options; <see cref="EndpointType"/> is <c>EDGE</c>, <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
public sealed record ManifestRestApiOptions(string? StageName, string? EndpointType)
{
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }
    public double? ThrottlingRateLimit { get; init; }
    public int? ThrottlingBurstLimit { get; init; }
    public bool ApiKeyRequired { get; init; }
    public ManifestUsagePlan? UsagePlan { get; init; }
    public string? CacheClusterSize { get; init; }
    public int? CacheTtlInSeconds { get; init; }
}
