using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Build.Tasks.Manifest;

/// <summary>
/// The app model the generator emits in <c>[assembly: ServerlessManifest(json)]</c> (see docs/design/contracts.md).
/// Values are already resolved (method &gt; class &gt; assembly &gt; defaults); a field that is <c>null</c> was not set.
/// The raw JSON is kept so that writers for later kinds (events, tables, queues, state machines) read their own parts.
/// </summary>
public sealed class ServerlessManifest
{
    /// <summary>The highest manifest version this task understands.</summary>
    public const int CurrentVersion = 1;

    public ServerlessManifest(int version, ManifestApp app, IReadOnlyList<ManifestFunction> functions, JsonObject raw)
    {
        Version = version;
        App = app;
        Functions = functions;
        Raw = raw;
    }

    public int Version { get; }
    public ManifestApp App { get; }
    public IReadOnlyList<ManifestFunction> Functions { get; }

    /// <summary>The whole manifest as parsed, for writers of kinds this model does not name yet.</summary>
    public JsonObject Raw { get; }

    /// <summary>Authorizers, CORS and the API options (<see cref="ManifestApi.None"/> when the app declares none).</summary>
    public ManifestApi Api { get; init; } = ManifestApi.None;

    public override string ToString() => Raw.ToJsonString();

    /// <summary>A manifest without functions or resources: what an app with no <c>[LambdaFunction]</c> has.</summary>
    public static ServerlessManifest Empty(string? appName = null) =>
        new(CurrentVersion, new ManifestApp(appName, null, null), Array.Empty<ManifestFunction>(), new JsonObject());

    /// <summary>Parses the manifest JSON; throws <see cref="ManifestException"/> with a path to the bad field.</summary>
    public static ServerlessManifest Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"the manifest is not valid JSON: {ex.Message}", ex);
        }

        if (node is not JsonObject root)
        {
            throw new ManifestException("the manifest is not a JSON object");
        }

        var reader = new FieldReader(root, "$");
        var version = reader.Int("version") ?? throw new ManifestException("the manifest has no 'version'");
        if (version < 1 || version > CurrentVersion)
        {
            throw new ManifestException(
                $"manifest version {version} is not supported by this build task (it reads version {CurrentVersion}); the generator and the build task come from different packages");
        }

        var appObject = reader.Object("app");
        var app = appObject is null
            ? new ManifestApp(null, null, null)
            : ReadApp(new FieldReader(appObject, "$.app"));

        var functions = new List<ManifestFunction>();
        var array = reader.Array("functions");
        if (array is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"$.functions[{i}]";
                if (array[i] is not JsonObject fn)
                {
                    throw new ManifestException($"{path} is not an object");
                }

                functions.Add(ReadFunction(new FieldReader(fn, path)));
            }
        }

        return new ServerlessManifest(version, app, functions, root) { Api = ManifestApi.Read(root) };
    }

    private static ManifestApp ReadApp(FieldReader r) =>
        new(r.String("name"), r.String("runtime"), r.StringMap("tags"));

    private static ManifestFunction ReadFunction(FieldReader r)
    {
        var name = r.String("name");
        if (string.IsNullOrEmpty(name))
        {
            throw new ManifestException($"{r.Path}.name is missing");
        }

        return new ManifestFunction(name!)
        {
            Handler = r.String("handler"),
            Method = r.String("method"),
            Runtime = r.String("runtime"),
            Architecture = r.String("architecture"),
            MemorySize = r.Int("memorySize"),
            Timeout = r.Int("timeout"),
            EphemeralStorage = r.Int("ephemeralStorage"),
            ReservedConcurrency = r.Int("reservedConcurrency"),
            Tracing = r.String("tracing"),
            Role = r.String("role"),
            Policies = r.StringList("policies"),
            Description = r.String("description"),
            Environment = r.StringMap("environment"),
            Tags = r.StringMap("tags"),
            ParameterReferences = r.StringMap("parameterReferences"),
            SecretReferences = r.StringMap("secretReferences"),
            Edge = r.StringList("edge"),
            RdsProxy = ReadRdsProxy(r),
            Raw = r.Node,
        };
    }

    private static ManifestRdsProxy? ReadRdsProxy(FieldReader function)
    {
        var proxy = function.Object("rdsProxy");
        if (proxy is null)
        {
            return null;
        }

        var r = new FieldReader(proxy, function.Path + ".rdsProxy");
        var name = r.String("name");
        if (string.IsNullOrEmpty(name))
        {
            throw new ManifestException($"{r.Path}.name is missing");
        }

        return new ManifestRdsProxy(name!, r.String("endpointVariable") is { Length: > 0 } variable ? variable : ManifestRdsProxy.DefaultEndpointVariable);
    }

    private readonly struct FieldReader(JsonObject obj, string path)
    {
        public JsonObject Node => obj;
        public string Path => path;

        public string? String(string name) => obj[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => throw Bad(name, "a string"),
        };

        public int? Int(string name) => obj[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out int i) => i,
            _ => throw Bad(name, "an integer"),
        };

        public JsonObject? Object(string name) => obj[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Bad(name, "an object"),
        };

        public JsonArray? Array(string name) => obj[name] switch
        {
            null => null,
            JsonArray a => a,
            _ => throw Bad(name, "an array"),
        };

        public IReadOnlyList<string>? StringList(string name)
        {
            var array = Array(name);
            if (array is null)
            {
                return null;
            }

            var list = new List<string>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                list.Add(array[i] is JsonValue v && v.TryGetValue(out string? s) && s is not null
                    ? s
                    : throw new ManifestException($"{path}.{name}[{i}] must be a string"));
            }

            return list;
        }

        /// <summary>A string-to-string map, in the manifest's order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>>? StringMap(string name)
        {
            var o = Object(name);
            if (o is null)
            {
                return null;
            }

            var list = new List<KeyValuePair<string, string>>(o.Count);
            foreach (var pair in o)
            {
                list.Add(new(pair.Key, pair.Value is JsonValue v && v.TryGetValue(out string? s) && s is not null
                    ? s
                    : throw new ManifestException($"{path}.{name}.{pair.Key} must be a string")));
            }

            return list;
        }

        private ManifestException Bad(string name, string what) => new($"{path}.{name} must be {what}");
    }
}

/// <summary>App-wide settings.</summary>
public sealed record ManifestApp(string? Name, string? Runtime, IReadOnlyList<KeyValuePair<string, string>>? Tags);

/// <summary>One Lambda function; <c>null</c> means "not set" (the template then leaves the property out).</summary>
public sealed record ManifestFunction(string Name)
{
    public string? Handler { get; init; }
    public string? Method { get; init; }
    public string? Runtime { get; init; }
    public string? Architecture { get; init; }
    public int? MemorySize { get; init; }
    public int? Timeout { get; init; }
    public int? EphemeralStorage { get; init; }
    public int? ReservedConcurrency { get; init; }
    public string? Tracing { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string>? Policies { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>>? Environment { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>>? Tags { get; init; }

    /// <summary>Variables read from SSM Parameter Store at init: variable -> parameter name (also in <see cref="Environment"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? ParameterReferences { get; init; }

    /// <summary>Variables read from Secrets Manager at init: variable -> secret name or ARN (also in <see cref="Environment"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? SecretReferences { get; init; }

    /// <summary>
    /// The CloudFront event types of a Lambda@Edge function (<c>viewer-request</c>, <c>viewer-response</c>,
    /// <c>origin-request</c>, <c>origin-response</c>); null for an ordinary function.
    /// </summary>
    public IReadOnlyList<string>? Edge { get; init; }

    /// <summary><c>[RdsProxy]</c>: the proxy whose endpoint and <c>rds-db:connect</c> the function gets; null when none.</summary>
    public ManifestRdsProxy? RdsProxy { get; init; }

    /// <summary>Whether the function runs at CloudFront's edge (Lambda@Edge).</summary>
    public bool IsEdge => Edge is { Count: > 0 };

    /// <summary>The function's manifest object, for writers of later parts (events).</summary>
    public JsonObject? Raw { get; init; }
}

/// <summary>A function's <c>"rdsProxy"</c>: the proxy's <c>DBProxyName</c> and the variable that receives its endpoint.</summary>
public sealed record ManifestRdsProxy(string Name, string EndpointVariable)
{
    public const string DefaultEndpointVariable = "RDS_PROXY_ENDPOINT";
}

/// <summary>The manifest is malformed: a bug in the generator or mismatched package parts.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string message) : base(message) { }
    public ManifestException(string message, Exception inner) : base(message, inner) { }
}
