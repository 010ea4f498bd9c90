using System.Text;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

public sealed class HttpEventTests
{
    [Fact]
    public void The_documented_2_0_event_is_read_in_full()
    {
        var request = HttpTestKit.Request(HttpTestKit.Event("http-api-v2.json"));

        Assert.Equal(HttpPayloadFormat.Version2, request.PayloadFormat);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal("parameter1=value1&parameter1=value2&parameter2=value", request.RawQueryString);
        Assert.Equal(["value1", "value2"], request.Query.GetValues("parameter1"));
        Assert.Equal("value", request.Query["parameter2"]);
        Assert.Equal(["parameter1", "parameter2"], request.Query.Names);
        Assert.Equal("value1", request.Headers["HEADER1"]);
        Assert.Equal("value1,value2", request.Headers["header2"]);
        Assert.Equal("value1", request.PathParameters["parameter1"]);
        Assert.Equal("value1", request.RouteValues["parameter1"]);
        Assert.Equal("value2", request.StageVariables["stageVariable2"]);
        Assert.Equal("Hello from Lambda", request.ReadBodyAsString());
        Assert.False(request.IsBase64Encoded);
        Assert.Equal("id", request.RequestId);
        Assert.Equal("$default", request.RouteKey);
        Assert.Equal("$default", request.Stage);
        Assert.Equal("192.0.2.1", request.SourceIp);
        Assert.Equal("agent", request.UserAgent);
        Assert.Equal("id.execute-api.us-east-1.amazonaws.com", request.DomainName);
        Assert.Equal("value1", request.Claims["claim1"]);
        Assert.Equal(["scope1", "scope2"], request.Scopes);
    }

    [Fact]
    public void The_documented_1_0_event_of_an_HTTP_API_is_read_with_its_multi_value_maps()
    {
        var request = HttpTestKit.Request(HttpTestKit.Event("http-api-v1.json"));

        Assert.Equal(HttpPayloadFormat.Version1, request.PayloadFormat);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal("/my/path", request.RouteKey);
        Assert.Equal(["value1", "value2"], request.Headers.GetValues("Header2"));
        Assert.Equal(["value1", "value2"], request.Query.GetValues("parameter1"));
        Assert.Equal("parameter1=value1&parameter1=value2&parameter2=value", request.RawQueryString);
        Assert.Empty(request.PathParameters);
        Assert.Empty(request.Claims);
        Assert.Equal("id=", request.RequestId);
        Assert.Equal("192.0.2.1", request.SourceIp);
        Assert.Equal("user-agent", request.UserAgent);
        Assert.Equal("Hello from Lambda!", request.ReadBodyAsString());
    }

    [Fact]
    public void A_REST_event_decodes_its_base64_body_and_reads_cookies_and_Cognito_claims()
    {
        var request = HttpTestKit.Request(HttpTestKit.Event("rest-api.json"));

        Assert.Equal(HttpPayloadFormat.Version1, request.PayloadFormat);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/orders/42", request.Path);
        Assert.Equal("/orders/{id}", request.RouteKey);
        Assert.Equal("42", request.RouteValues["id"]);
        Assert.Equal(["a", "b"], request.Query.GetValues("tag"));
        Assert.True(request.IsBase64Encoded);
        Assert.Equal("""{"quantity":3}""", Encoding.UTF8.GetString(request.Body.Span));
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("abc", request.Cookies["session"]);
        Assert.Equal("dark", request.Cookies["theme"]);
        Assert.Equal("ada@example.com", request.Claims["email"]);
        Assert.Equal("Prod", request.Stage);
        Assert.Equal("198.51.100.7", request.SourceIp);
    }

    [Fact]
    public void Version_2_cookies_query_decoding_and_a_base64_body()
    {
        var payload = Encoding.UTF8.GetBytes("""
            {"version":"2.0","routeKey":"$default","rawPath":"/a","rawQueryString":"q=a+b%26c&empty&x=%E2%82%AC",
             "cookies":["id=1","name=%22Ada%22"],"headers":{"content-type":"application/octet-stream"},
             "requestContext":{"http":{"method":"post"},"requestId":"r"},"body":"AAEC/w==","isBase64Encoded":true}
            """);

        var request = HttpTestKit.Request(payload);

        Assert.Equal("POST", request.Method);
        Assert.Equal("a b&c", request.Query["q"]);
        Assert.Equal("", request.Query["empty"]);
        Assert.Equal("€", request.Query["x"]);
        Assert.Equal("1", request.Cookies["id"]);
        Assert.Equal("\"Ada\"", request.Cookies["name"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, request.Body.ToArray());
    }

    [Fact]
    public void Lambda_and_IAM_authorizer_context_is_kept_with_non_string_values_as_json()
    {
        var payload = Encoding.UTF8.GetBytes("""
            {"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},
             "authorizer":{"lambda":{"tenant":"t1","level":3,"roles":["a","b"]},"iam":{"userArn":"arn:aws:iam::1:user/x"}}}}
            """);

        var request = HttpTestKit.Request(payload);

        Assert.Equal("t1", request.AuthorizerContext["tenant"]);
        Assert.Equal("3", request.AuthorizerContext["level"]);
        Assert.Equal("""["a","b"]""", request.AuthorizerContext["roles"]);
        Assert.Equal("arn:aws:iam::1:user/x", request.AuthorizerContext["iam.userArn"]);
    }

    [Fact]
    public void A_REST_lambda_authorizer_gives_its_principal_and_context()
    {
        var payload = Encoding.UTF8.GetBytes("""
            {"resource":"/","path":"/","httpMethod":"GET","requestContext":{"authorizer":
             {"principalId":"user-1","integrationLatency":12,"tenant":"t1","admin":true}}}
            """);

        var request = HttpTestKit.Request(payload);

        Assert.Equal("user-1", request.PrincipalId);
        Assert.Equal("t1", request.AuthorizerContext["tenant"]);
        Assert.Equal("true", request.AuthorizerContext["admin"]);
        Assert.False(request.AuthorizerContext.ContainsKey("integrationLatency"));
    }

    [Theory]
    [InlineData("""{"Name":"Ada"}""")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("""{"version":"2.0","rawPath":"/","requestContext":{"http":{}}}""")]
    [InlineData("""{"httpMethod":"GET","body":"%%%","isBase64Encoded":true}""")]
    public void What_is_not_a_proxy_event_is_the_callers_mistake(string json)
    {
        var ex = Assert.Throws<LambdaSerializationException>(() => HttpTestKit.Request(Encoding.UTF8.GetBytes(json)));

        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Values_collections_keep_order_and_repeats()
    {
        var values = HttpValueCollection.IgnoringCase();
        values.Add("B", "1");
        values.Add("a", "2");
        values.Add("b", "3");

        Assert.Equal(2, values.Count);
        Assert.Equal(3, values.ValueCount);
        Assert.Equal(["1", "3"], values.GetValues("b"));
        Assert.Equal(["B", "a"], values.Names);
        Assert.Null(values["missing"]);
        Assert.Empty(values.GetValues("missing"));
        values.Set("b", "4");
        Assert.Equal(["4"], values.GetValues("B"));
    }
}
