using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads the assembly's API attributes: the authorizers (<c>JwtAuthorizer</c>, <c>CognitoAuthorizer</c>,
/// <c>LambdaAuthorizer</c>), the default <c>[Authorize]</c>, <c>[Cors]</c>, <c>[HttpApiOptions]</c> and
/// <c>[RestApiOptions]</c>, and checks what needs no route (SLS3010, SLS3014, SLS3015). A malformed authorizer is left
/// out of the spec; arguments the compiler already reports (non-constant, missing) are skipped without a diagnostic.
/// </summary>
public static class ApiReader
{
    /// <summary>The sizes (GB) API Gateway offers for a stage's cache cluster.</summary>
    public static readonly ImmutableArray<string> CacheClusterSizes = ImmutableArray.Create("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

    private static readonly Regex StageName = new("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant);

    // RFC 6838 type/subtype names; '*' stands for any (API Gateway matches '*/*' and 'image/*').
    private static readonly Regex MediaType = new(@"^(\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})/(\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})$", RegexOptions.CultureInvariant);
    private static readonly Regex UserPoolArn = new("^arn:aws[a-z-]*:cognito-idp:(?<region>[a-z0-9-]+):[0-9]{12}:userpool/(?<pool>[a-z0-9-]+_[A-Za-z0-9]+)$", RegexOptions.CultureInvariant);

    /// <summary>The region and pool ID of a user pool ARN, when it is one.</summary>
    public static bool TryParseUserPoolArn(string? arn, out string region, out string poolId)
    {
        var match = arn is null ? Match.Empty : UserPoolArn.Match(arn);
        region = match.Success ? match.Groups["region"].Value : "";
        poolId = match.Success ? match.Groups["pool"].Value : "";
        return match.Success;
    }

    public static ApiReadResult Read(ImmutableArray<AttributeData> attributes, bool captureLocations, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var authorizers = new List<AuthorizerSpec>();
        var names = new List<string>();
        var functions = new List<KeyedLocation>();
        AuthRequirement? defaultAuth = null;
        CorsSpec? cors = null;
        HttpApiOptionsSpec? httpApi = null;
        RestApiOptionsSpec? restApi = null;
        var any = false;

        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LocationInfo? Whole() => captureLocations ? LocationInfo.From(attribute.ApplicationSyntaxReference) : null;
            LocationInfo? Named(string name) => captureLocations ? attribute.NamedArgumentLocation(name, cancellationToken) ?? Whole() : null;

            if (attribute.IsAttribute(ApiKnownNames.JwtAuthorizerAttribute) || attribute.IsAttribute(ApiKnownNames.CognitoAuthorizerAttribute)
                || attribute.IsAttribute(ApiKnownNames.LambdaAuthorizerAttribute))
            {
                any = true;
                if (ReadAuthorizer(attribute, names, bag, Whole, Named, functions) is { } authorizer)
                {
                    authorizers.Add(authorizer);
                }
            }
            else if (attribute.IsAttribute(ApiKnownNames.AuthorizeAttribute))
            {
                any = true;
                defaultAuth = AuthReader.ReadAuthorize(attribute);
            }
            else if (attribute.IsAttribute(ApiKnownNames.CorsAttribute))
            {
                any = true;
                cors = ReadCors(attribute, bag, Named);
            }
            else if (attribute.IsAttribute(ApiKnownNames.HttpApiOptionsAttribute))
            {
                any = true;
                httpApi = ReadHttpApi(attribute, bag, Named);
            }
            else if (attribute.IsAttribute(ApiKnownNames.RestApiOptionsAttribute))
            {
                any = true;
                restApi = ReadRestApi(attribute, bag, Named, Whole);
            }
        }

        if (!any)
        {
            return ApiReadResult.None;
        }

        var spec = new ApiSpec(authorizers.ToEquatableArray(), defaultAuth, cors, httpApi, restApi);
        return new ApiReadResult(spec, bag.ToImmutable(), names.ToEquatableArray()) { AuthorizerFunctions = functions.ToEquatableArray() };
    }

    private static AuthorizerSpec? ReadAuthorizer(
        AttributeData attribute, List<string> names, DiagnosticBag bag, Func<LocationInfo?> whole, Func<string, LocationInfo?> named, List<KeyedLocation> functions)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArgument(0) is not { Value: string name })
        {
            return null;   // missing or non-constant name: the compiler reports it
        }

        string? problem = null;
        LocationInfo? where = whole();
        if (name.Trim().Length == 0)
        {
            problem = "its name is empty";
        }
        else if (name is ApiKnownNames.IamAuthorizer or "NONE")
        {
            problem = $"'{name}' is reserved by API Gateway; choose another name";
        }
        else if (names.Contains(name))
        {
            problem = "another authorizer of the app has the same name";
        }

        names.Add(name);
        var audience = (attribute.NamedStringArray("Audience") ?? Array.Empty<string>()).Where(a => a.Length > 0).ToEquatableArray();
        AuthorizerSpec? spec = null;
        if (attribute.IsAttribute(ApiKnownNames.JwtAuthorizerAttribute))
        {
            var issuer = attribute.NamedString("Issuer");
            var source = attribute.NamedString("IdentitySource") ?? "$request.header.Authorization";
            if (problem is null && string.IsNullOrWhiteSpace(issuer))
            {
                (problem, where) = ("a JWT authorizer needs the Issuer of its tokens (an https URL)", whole());
            }
            else if (problem is null && !issuer!.StartsWith("https://", StringComparison.Ordinal))
            {
                (problem, where) = ($"the Issuer '{issuer}' is not an https URL", named("Issuer"));
            }
            else if (problem is null && audience.IsEmpty)
            {
                (problem, where) = ("a JWT authorizer needs at least one Audience (API Gateway rejects tokens for any other)", named("Audience"));
            }
            else if (problem is null && !source.StartsWith("$", StringComparison.Ordinal))
            {
                (problem, where) = ($"the IdentitySource '{source}' is not a selection expression such as '$request.header.Authorization'", named("IdentitySource"));
            }

            spec = new AuthorizerSpec(name, AuthorizerKind.Jwt, issuer, audience, source, null, null, null, null, false);
        }
        else if (attribute.IsAttribute(ApiKnownNames.CognitoAuthorizerAttribute))
        {
            var arn = attribute.NamedString("UserPoolArn");
            if (problem is null && string.IsNullOrWhiteSpace(arn))
            {
                (problem, where) = ("a Cognito authorizer needs the UserPoolArn of its user pool", whole());
            }
            else if (problem is null && !TryParseUserPoolArn(arn, out _, out _))
            {
                (problem, where) = ($"'{arn}' is not a user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>)", named("UserPoolArn"));
            }

            spec = new AuthorizerSpec(name, AuthorizerKind.Cognito, null, audience, attribute.NamedString("Header") ?? "Authorization", arn, null, null, null, false);
        }
        else
        {
            var arn = attribute.NamedString("FunctionArn");
            var function = attribute.NamedString("Function");
            var ttl = attribute.NamedInt("ResultTtlInSeconds");
            var header = attribute.NamedString("Header") ?? "Authorization";
            if (problem is null && string.IsNullOrWhiteSpace(arn) == string.IsNullOrWhiteSpace(function))
            {
                (problem, where) = ("a Lambda authorizer needs exactly one of FunctionArn (a function elsewhere) and Function (a [LambdaFunction] of this app)", whole());
            }
            else if (problem is null && ttl is < 0 or > 3600)
            {
                (problem, where) = ($"ResultTtlInSeconds must be between 0 and 3600, not {ttl}", named("ResultTtlInSeconds"));
            }
            else if (problem is null && header.Trim().Length == 0)
            {
                (problem, where) = ("its Header is empty", named("Header"));
            }

            if (problem is null && !string.IsNullOrWhiteSpace(function) && named("Function") is { } functionLocation)
            {
                functions.Add(new KeyedLocation(name + "\n" + function, functionLocation));
            }

            var simple = attribute.NamedArgument("SimpleResponses")?.Value is not false;
            spec = new AuthorizerSpec(name, AuthorizerKind.Lambda, null, default, header, null,
                string.IsNullOrWhiteSpace(arn) ? null : arn, string.IsNullOrWhiteSpace(function) ? null : function, ttl, simple);
        }

        if (problem is not null)
        {
            bag.Add(DiagnosticDescriptors.InvalidAuthorizer, where, name, problem);
            return null;
        }

        return spec;
    }

    private static CorsSpec ReadCors(AttributeData attribute, DiagnosticBag bag, Func<string, LocationInfo?> named)
    {
        EquatableArray<string> List(string name) => (attribute.NamedStringArray(name) ?? Array.Empty<string>()).ToEquatableArray();
        var spec = new CorsSpec(List("AllowOrigins"), List("AllowMethods"), List("AllowHeaders"), List("ExposeHeaders"),
            attribute.NamedArgument("AllowCredentials")?.Value is true, attribute.NamedInt("MaxAge"));
        if (spec.AllowsAnyOrigin && spec.AllowCredentials)
        {
            bag.Add(DiagnosticDescriptors.CorsAnyOriginWithCredentials, named("AllowCredentials"));
        }

        if (spec.MaxAge is < 0 or > 86400)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("MaxAge"), "Cors", "MaxAge", $"{spec.MaxAge} is not between 0 and 86400 seconds");
        }

        foreach (var origin in spec.AllowOrigins)
        {
            if (origin != "*" && !(origin.StartsWith("https://", StringComparison.Ordinal) || origin.StartsWith("http://", StringComparison.Ordinal)))
            {
                bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("AllowOrigins"), "Cors", "AllowOrigins",
                    $"'{origin}' is not an origin; write the scheme and host ('https://app.example.com'), or '*'");
                break;
            }
        }

        return spec;
    }

    private static HttpApiOptionsSpec ReadHttpApi(AttributeData attribute, DiagnosticBag bag, Func<string, LocationInfo?> named)
    {
        const string Owner = "HttpApiOptions";
        var stage = attribute.NamedString("StageName");
        if (stage is not null && stage != "$default" && !StageName.IsMatch(stage))
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("StageName"), Owner, "StageName",
                $"'{stage}' is not a stage name (1 to 128 letters, digits, '-' and '_', or '$default')");
        }

        var (rate, burst) = ReadThrottling(attribute, Owner, "ThrottlingRateLimit", "ThrottlingBurstLimit", bag, named);
        return new HttpApiOptionsSpec(stage, rate, burst);
    }

    private static RestApiOptionsSpec ReadRestApi(AttributeData attribute, DiagnosticBag bag, Func<string, LocationInfo?> named, Func<LocationInfo?> whole)
    {
        const string Owner = "RestApiOptions";
        var stage = attribute.NamedString("StageName");
        if (stage is not null && !StageName.IsMatch(stage))
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("StageName"), Owner, "StageName",
                $"'{stage}' is not a stage name (1 to 128 letters, digits, '-' and '_')");
        }

        var endpoint = attribute.NamedInt("EndpointType") switch
        {
            1 => "EDGE",
            2 => "REGIONAL",
            3 => "PRIVATE",
            _ => null,
        };
        var vpcEndpoints = (attribute.NamedStringArray("VpcEndpointIds") ?? Array.Empty<string>()).ToEquatableArray();
        if (endpoint == "PRIVATE" && vpcEndpoints.IsEmpty)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("EndpointType"), Owner, "EndpointType",
                "a private API is reachable only through interface VPC endpoints; list them in VpcEndpointIds");
        }
        else if (endpoint != "PRIVATE" && !vpcEndpoints.IsEmpty)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("VpcEndpointIds"), Owner, "VpcEndpointIds",
                "VPC endpoints apply to private APIs only; set EndpointType = RestApiEndpointType.Private");
        }

        var (rate, burst) = ReadThrottling(attribute, Owner, "ThrottlingRateLimit", "ThrottlingBurstLimit", bag, named);
        var (planRate, planBurst) = ReadThrottling(attribute, Owner, "UsagePlanRateLimit", "UsagePlanBurstLimit", bag, named);
        var quota = attribute.NamedInt("UsagePlanQuotaLimit");
        if (quota is <= 0)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("UsagePlanQuotaLimit"), Owner, "UsagePlanQuotaLimit", $"{quota} is not a positive number of requests");
        }

        var period = attribute.NamedInt("UsagePlanQuotaPeriod") switch
        {
            1 => "DAY",
            2 => "WEEK",
            3 => "MONTH",
            _ => null,
        };
        if (period is not null && quota is null)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("UsagePlanQuotaPeriod"), Owner, "UsagePlanQuotaPeriod",
                "a quota period needs UsagePlanQuotaLimit, the number of requests per period");
        }

        var cacheSize = attribute.NamedString("CacheClusterSize");
        if (cacheSize is not null && !CacheClusterSizes.Contains(cacheSize))
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("CacheClusterSize"), Owner, "CacheClusterSize",
                $"'{cacheSize}' is not a cache size API Gateway offers ({string.Join(", ", CacheClusterSizes)} GB)");
        }

        var cacheTtl = attribute.NamedInt("CacheTtlInSeconds");
        if (cacheTtl is < 0 or > 3600)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("CacheTtlInSeconds"), Owner, "CacheTtlInSeconds", $"{cacheTtl} is not between 0 and 3600 seconds");
        }
        else if (cacheTtl is not null && cacheSize is null)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("CacheTtlInSeconds"), Owner, "CacheTtlInSeconds",
                "responses are cached only with a cache cluster; set CacheClusterSize");
        }

        var binaryMediaTypes = (attribute.NamedStringArray("BinaryMediaTypes") ?? Array.Empty<string>()).ToEquatableArray();
        foreach (var mediaType in binaryMediaTypes)
        {
            if (mediaType is null || !MediaType.IsMatch(mediaType))
            {
                bag.Add(DiagnosticDescriptors.InvalidApiSetting, named("BinaryMediaTypes"), Owner, "BinaryMediaTypes",
                    $"'{mediaType}' is not a media type (type/subtype, either may be '*': 'image/png', 'image/*', '*/*')");
            }
        }

        return new RestApiOptionsSpec(stage, endpoint, vpcEndpoints, rate, burst, attribute.NamedArgument("ApiKeyRequired")?.Value is true,
            quota is > 0 ? quota : null, quota is > 0 ? period ?? "MONTH" : null, planRate, planBurst, cacheSize, cacheTtl)
        {
            BinaryMediaTypes = binaryMediaTypes.Where(t => t is not null && MediaType.IsMatch(t)).ToEquatableArray(),
        };
    }

    private static (double? Rate, int? Burst) ReadThrottling(
        AttributeData attribute, string owner, string rateName, string burstName, DiagnosticBag bag, Func<string, LocationInfo?> named)
    {
        double? rate = attribute.NamedArgument(rateName)?.Value switch
        {
            double d => d,
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            _ => null,
        };
        var burst = attribute.NamedInt(burstName);
        if (rate is { } r && (r < 0 || double.IsNaN(r) || double.IsInfinity(r)))
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named(rateName), owner, rateName, "requests per second cannot be negative");
            rate = null;
        }

        if (burst is < 0)
        {
            bag.Add(DiagnosticDescriptors.InvalidApiSetting, named(burstName), owner, burstName, "a burst cannot be negative");
            burst = null;
        }

        return (rate, burst);
    }
}
