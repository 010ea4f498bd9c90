using System.Text.Json.Nodes;

namespace Serverless.Build.Tasks.OpenApi;

/// <summary>
/// OpenAPI security schemes from the manifest's auth contract (docs/design/contracts.md): JWT and Cognito authorizers
/// are <c>openIdConnect</c> (the issuer's discovery document; Cognito's issuer from the pool ARN), Lambda authorizers
/// an <c>apiKey</c> in their identity header, IAM an <c>apiKey</c> on <c>Authorization</c> marked <c>awsSigv4</c>
/// the way API Gateway exports it. An authorizer the document cannot describe faithfully is an HTTP bearer scheme.
/// </summary>
internal static class OpenApiSecuritySchemes
{
    public const string Iam = "AWS_IAM";
    public const string IamSchemeName = "sigv4";

    /// <summary>The scheme of an authorizer in the manifest's <c>authorizers</c>, and whether its scopes belong on the operation.</summary>
    public static (JsonObject Scheme, bool TakesScopes) ForAuthorizer(JsonObject? authorizer)
    {
        var type = (authorizer?["type"] as JsonValue)?.TryGetValue(out string? t) == true ? t : null;
        switch (type)
        {
            case "jwt" or "cognito":
                var issuer = Text(authorizer, "issuer") ?? (type == "cognito" ? CognitoIssuer(Text(authorizer, "userPoolArn")) : null);
                if (issuer is not null && Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                {
                    return (new JsonObject
                    {
                        ["type"] = "openIdConnect",
                        ["openIdConnectUrl"] = issuer.TrimEnd('/') + "/.well-known/openid-configuration",
                    }, true);
                }

                return (Bearer("JWT"), false);
            case "lambda":
                var (name, location) = IdentitySource(Text(authorizer, "identitySource"));
                return (new JsonObject
                {
                    ["type"] = "apiKey",
                    ["name"] = name,
                    ["in"] = location,
                    ["x-amazon-apigateway-authtype"] = "custom",
                }, false);
            default:
                return (Bearer(null), false);
        }
    }

    public static JsonObject IamScheme() => new()
    {
        ["type"] = "apiKey",
        ["name"] = "Authorization",
        ["in"] = "header",
        ["x-amazon-apigateway-authtype"] = "awsSigv4",
    };

    /// <summary><c>arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}</c> -> <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public static string? CognitoIssuer(string? userPoolArn)
    {
        var parts = userPoolArn?.Split(':');
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[2] != "cognito-idp" || parts[3].Length == 0
            || !parts[5].StartsWith("userpool/", StringComparison.Ordinal) || parts[5].Length == "userpool/".Length)
        {
            return null;
        }

        return $"https://cognito-idp.{parts[3]}.amazonaws.com/{parts[5]["userpool/".Length..]}";
    }

    /// <summary>
    /// The first header (or query value) of an identity source: <c>$request.header.Authorization</c> (HTTP API),
    /// <c>method.request.header.Authorization</c> (REST API), comma-separated lists; <c>Authorization</c> when unset.
    /// </summary>
    public static (string Name, string In) IdentitySource(string? identitySource)
    {
        foreach (var source in (identitySource ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var (marker, location) in new[] { ("header.", "header"), ("querystring.", "query") })
            {
                var at = source.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at + marker.Length < source.Length)
                {
                    return (source[(at + marker.Length)..], location);
                }
            }
        }

        return ("Authorization", "header");
    }

    private static JsonObject Bearer(string? format)
    {
        var scheme = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" };
        if (format is not null)
        {
            scheme["bearerFormat"] = format;
        }

        return scheme;
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
