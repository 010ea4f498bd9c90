using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>
/// The explicit HttpApi/RestApi resources: stage, throttling, CORS, authorizers, API keys, usage plan, cache; route
/// auth on the events; schema-valid; merged like functions.
/// </summary>
public class ApiTemplateTests
{
    private const string Api = """
        "authorizers": [
          {"name": "jwt", "type": "jwt", "issuer": "https://login.example.com/", "audience": ["orders-api"], "identitySource": "$request.header.Authorization"},
          {"name": "pool", "type": "cognito", "userPoolArn": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123", "audience": ["client1"], "identitySource": "Authorization"},
          {"name": "custom", "type": "lambda", "function": "Authorizer", "identitySource": "X-Token", "resultTtlInSeconds": 60, "simpleResponses": true},
          {"name": "unused", "type": "lambda", "functionArn": "arn:aws:lambda:eu-west-1:123456789012:function:other", "identitySource": "Authorization", "simpleResponses": true}
        ],
        "cors": {"allowOrigins": ["https://app.example.com"], "allowMethods": ["GET", "POST"], "allowHeaders": ["Content-Type", "Authorization"], "allowCredentials": true, "maxAge": 600},
        "httpApi": {"stageName": "v1", "throttlingRateLimit": 50.5, "throttlingBurstLimit": 100},
        "restApi": {"stageName": "live", "endpointType": "REGIONAL", "throttlingRateLimit": 10, "throttlingBurstLimit": 20, "apiKeyRequired": true,
                    "usagePlan": {"quotaLimit": 10000, "quotaPeriod": "DAY", "rateLimit": 5, "burstLimit": 10}, "cacheClusterSize": "0.5", "cacheTtlInSeconds": 120,
                    "binaryMediaTypes": ["image/png", "application/*"]}
        """;

    private const string OrdersRoutes = """
        "http": [
          {"method": "GET", "path": "/orders/{id}", "api": "HttpApi", "auth": {"authorizer": "jwt", "scopes": ["orders/read"]}},
          {"method": "GET", "path": "/health", "api": "HttpApi"},
          {"method": "DELETE", "path": "/orders/{id}", "api": "HttpApi", "auth": {"authorizer": "AWS_IAM"}},
          {"method": "POST", "path": "/catalog", "api": "RestApi", "auth": {"authorizer": "pool", "scopes": ["catalog/write"]}},
          {"method": "GET", "path": "/catalog", "api": "RestApi", "auth": {"authorizer": "custom"}},
          {"method": "GET", "path": "/admin", "api": "HttpApi", "auth": {"authorizer": "custom"}},
          {"method": "GET", "path": "/me", "api": "HttpApi", "auth": {"authorizer": "pool"}}
        ]
        """;

    private static ServerlessManifest Manifest(string routes = OrdersRoutes, string api = Api) => ServerlessManifest.Parse($$"""
        {"version": 1, "app": {"name": "app"}, "functions": [
          {"name": "Orders", "handler": "Orders", "method": "App.Orders", {{routes}}},
          {"name": "Authorizer", "handler": "Authorizer", "method": "App.Authorizer"}
        ]{{(api.Length > 0 ? ", " + api : "")}}}
        """);

    private static string Json(JsonNode? node) =>
        node!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void HttpApi_carries_stage_throttling_cors_and_the_authorizers_its_routes_use()
    {
        var text = Merge(null, Manifest());
        var httpApi = Resources(text)["HttpApi"]!;

        Assert.Equal("AWS::Serverless::HttpApi", httpApi["Type"]!.GetValue<string>());
        Assert.Equal(
            """{"StageName":"v1","DefaultRouteSettings":{"ThrottlingBurstLimit":100,"ThrottlingRateLimit":50.5},"CorsConfiguration":{"AllowOrigins":["https://app.example.com"],"AllowMethods":["GET","POST"],"AllowHeaders":["Content-Type","Authorization"],"AllowCredentials":true,"MaxAge":600},"Auth":{"Authorizers":{"jwt":{"JwtConfiguration":{"issuer":"https://login.example.com/","audience":["orders-api"]},"IdentitySource":"$request.header.Authorization"},"pool":{"JwtConfiguration":{"issuer":"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123","audience":["client1"]},"IdentitySource":"$request.header.Authorization"},"custom":{"FunctionArn":{"Fn::GetAtt":["Authorizer","Arn"]},"AuthorizerPayloadFormatVersion":"2.0","EnableSimpleResponses":true,"EnableFunctionDefaultPermissions":true,"Identity":{"Headers":["X-Token"],"ReauthorizeEvery":60}}},"EnableIamAuthorizer":true}}""",
            Json(httpApi["Properties"]));
        Assert.True(TemplateMerger.IsOwned(httpApi));
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void RestApi_carries_stage_endpoint_binary_media_types_cache_method_settings_cors_authorizers_and_usage_plan()
    {
        var text = Merge(null, Manifest());
        var restApi = Resources(text)["RestApi"]!;

        Assert.Equal("AWS::Serverless::Api", restApi["Type"]!.GetValue<string>());
        Assert.Equal(
            """{"StageName":"live","EndpointConfiguration":{"Type":"REGIONAL"},"BinaryMediaTypes":["image~1png","application~1*"],"CacheClusterEnabled":true,"CacheClusterSize":"0.5","MethodSettings":[{"ResourcePath":"/*","HttpMethod":"*","ThrottlingBurstLimit":20,"ThrottlingRateLimit":10,"CachingEnabled":true,"CacheTtlInSeconds":120}],"Cors":{"AllowOrigin":"'https://app.example.com'","AllowMethods":"'GET,POST'","AllowHeaders":"'Content-Type,Authorization'","MaxAge":"'600'","AllowCredentials":true},"Auth":{"Authorizers":{"pool":{"UserPoolArn":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123"},"custom":{"FunctionPayloadType":"TOKEN","FunctionArn":{"Fn::GetAtt":["Authorizer","Arn"]},"Identity":{"Header":"X-Token","ReauthorizeEvery":60}}},"UsagePlan":{"CreateUsagePlan":"PER_API","Quota":{"Limit":10000,"Period":"DAY"},"Throttle":{"RateLimit":5,"BurstLimit":10}}}}""",
            Json(restApi["Properties"]));
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void Events_reference_their_api_and_carry_the_route_auth()
    {
        var events = Resources(Merge(null, Manifest()))["Orders"]!["Properties"]!["Events"]!;

        Assert.Equal("""{"Method":"GET","Path":"/orders/{id}","ApiId":{"Ref":"HttpApi"},"PayloadFormatVersion":"2.0","Auth":{"Authorizer":"jwt","AuthorizationScopes":["orders/read"]}}""",
            Json(events["GetOrdersId"]!["Properties"]));
        Assert.Equal("""{"Method":"GET","Path":"/health","ApiId":{"Ref":"HttpApi"},"PayloadFormatVersion":"2.0"}""", Json(events["GetHealth"]!["Properties"]));
        Assert.Equal("""{"Authorizer":"AWS_IAM"}""", Json(events["DeleteOrdersId"]!["Properties"]!["Auth"]));
        Assert.Equal("""{"Method":"POST","Path":"/catalog","RestApiId":{"Ref":"RestApi"},"Auth":{"Authorizer":"pool","AuthorizationScopes":["catalog/write"],"ApiKeyRequired":true}}""",
            Json(events["PostCatalog"]!["Properties"]));
        Assert.Equal("""{"Authorizer":"custom","ApiKeyRequired":true}""", Json(events["GetCatalog"]!["Properties"]!["Auth"]));
    }

    [Fact]
    public void Private_rest_api_lists_its_vpc_endpoints_and_allows_them_in_the_resource_policy()
    {
        var manifest = Manifest("""
            "http": [{"method": "GET", "path": "/internal", "api": "RestApi"}]
            """, """
            "restApi": {"endpointType": "PRIVATE", "vpcEndpointIds": ["vpce-0123456789abcdef0"]}
            """);
        var text = Merge(null, manifest);
        var restApi = Resources(text)["RestApi"]!;

        Assert.Equal("""{"StageName":"Prod","EndpointConfiguration":{"Type":"PRIVATE","VpcEndpointIds":["vpce-0123456789abcdef0"]},"Auth":{"ResourcePolicy":{"IntrinsicVpceWhitelist":["vpce-0123456789abcdef0"]}}}""",
            Json(restApi["Properties"]));
        Assert.False(Resources(text).ContainsKey("HttpApi"));
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void Apps_without_settings_get_bare_apis_and_rest_gets_the_default_stage()
    {
        var manifest = Manifest("""
            "http": [{"method": "GET", "path": "/a", "api": "HttpApi"}, {"method": "GET", "path": "/b", "api": "RestApi"}]
            """, "");
        var text = Merge(null, manifest);

        Assert.Equal("{}", Json(Resources(text)["HttpApi"]!["Properties"]));
        Assert.Equal("""{"StageName":"Prod"}""", Json(Resources(text)["RestApi"]!["Properties"]));
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void Apis_keep_hand_added_properties_and_go_with_their_last_route()
    {
        var first = Merge(null, Manifest());
        var edited = Edit(first, root =>
        {
            root["Resources"]!["HttpApi"]!["Properties"]!.AsObject()["Description"] = "hand written";
            root["Resources"]!["RestApi"]!["Properties"]!.AsObject()["TracingEnabled"] = true;
        });

        var again = Merge(edited, Manifest());
        Assert.Equal("hand written", Resources(again)["HttpApi"]!["Properties"]!["Description"]!.GetValue<string>());
        Assert.True(Resources(again)["RestApi"]!["Properties"]!["TracingEnabled"]!.GetValue<bool>());

        var httpOnly = Merge(again, Manifest("""
            "http": [{"method": "GET", "path": "/a", "api": "HttpApi"}]
            """, ""));
        Assert.False(Resources(httpOnly).ContainsKey("RestApi"));
        // Settings the code no longer has are removed; the hand-added property stays.
        Assert.Equal("""{"Description":"hand written"}""", Json(Resources(httpOnly)["HttpApi"]!["Properties"]));

        var none = Merge(httpOnly, Manifest("\"policies\": []", ""));
        Assert.False(Resources(none).ContainsKey("HttpApi"));
    }

    [Fact]
    public void Manifest_api_parts_are_parsed_and_bad_fields_are_named()
    {
        var api = Manifest().Api;
        Assert.Equal(new[] { "jwt", "pool", "custom", "unused" }, api.Authorizers.Select(a => a.Name));
        Assert.Equal(60, api.Authorizer("custom")!.ResultTtlInSeconds);
        Assert.Equal(50.5, api.HttpApi!.ThrottlingRateLimit);
        Assert.Equal("DAY", api.RestApi!.UsagePlan!.QuotaPeriod);
        Assert.Same(ManifestApi.None, Manifest(api: "").Api);

        var error = Assert.Throws<ManifestException>(() => ServerlessManifest.Parse("""{"version": 1, "functions": [], "cors": {"maxAge": "ten"}}"""));
        Assert.Equal("$.cors.maxAge must be an integer", error.Message);
        error = Assert.Throws<ManifestException>(() => Merge(null, Manifest("""
            "http": [{"method": "GET", "path": "/a", "api": "HttpApi", "auth": {"scopes": []}}]
            """)));
        Assert.Equal("$.functions[Orders].http[0].auth.authorizer is missing", error.Message);
    }

    [Fact]
    public void Outputs_give_the_api_urls_keep_user_keys_and_go_with_the_apis()
    {
        var text = Merge(null, Manifest());
        var outputs = ParseJson(text)["Outputs"]!;
        Assert.Equal("""{"Fn::Sub":"https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1"}""", Json(outputs["HttpApiUrl"]!["Value"]));
        Assert.Equal("""{"Fn::Sub":"https://${RestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/live"}""", Json(outputs["RestApiUrl"]!["Value"]));
        Assert.Equal(new[] { "HttpApiUrl", "RestApiUrl" }, ParseJson(text)["Metadata"]!["ServerlessAnalyzers"]!["Outputs"]!.AsArray().Select(n => n!.GetValue<string>()));
        var keys = Keys(ParseJson(text)).ToList();
        Assert.True(keys.IndexOf("Outputs") > keys.IndexOf("Resources"));

        // A user's Export on the tool's output and a user's own output are kept; the $default stage has no path.
        var edited = Edit(text, root =>
        {
            root["Outputs"]!["HttpApiUrl"]!.AsObject()["Export"] = new JsonObject { ["Name"] = "orders-url" };
            root["Outputs"]!.AsObject()["Mine"] = new JsonObject { ["Value"] = "x" };
        });
        var httpOnly = Merge(edited, Manifest("""
            "http": [{"method": "GET", "path": "/a", "api": "HttpApi"}]
            """, """
            "httpApi": {"stageName": "$default"}
            """));
        var after = ParseJson(httpOnly)["Outputs"]!.AsObject();
        Assert.Equal(new[] { "HttpApiUrl", "Mine" }, after.Select(p => p.Key));
        Assert.Equal("""{"Fn::Sub":"https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"}""", Json(after["HttpApiUrl"]!["Value"]));
        Assert.Equal("orders-url", after["HttpApiUrl"]!["Export"]!["Name"]!.GetValue<string>());

        var none = Merge(httpOnly, Manifest("\"policies\": []", ""));
        Assert.Equal(new[] { "Mine" }, ParseJson(none)["Outputs"]!.AsObject().Select(p => p.Key));
        Assert.Null(ParseJson(none)["Metadata"]?["ServerlessAnalyzers"]?["Outputs"]);
    }

    [Theory]
    [InlineData("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Xy", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Xy")]
    [InlineData("arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_Xy", "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Xy")]
    [InlineData("not an arn", null)]
    public void Cognito_issuer_comes_from_the_pool_arn(string arn, string? issuer) =>
        Assert.Equal(issuer, ApiResourceWriter.CognitoIssuer(arn));
}

/// <summary>The sample's committed template (written by its build) is valid SAM, APIs included.</summary>
public class SampleTemplateTests
{
    [Fact]
    public void The_committed_sample_template_is_valid_against_the_SAM_schema()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "samples", "HelloLambda", "serverless.template"));

        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        Assert.Contains("AWS::Serverless::HttpApi", text);
        Assert.Contains("AWS::Serverless::Api", text);
    }
}
