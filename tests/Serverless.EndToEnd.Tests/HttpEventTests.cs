using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The sample's HTTP routes as Lambda runs them behind API Gateway: one process per function (_HANDLER) against the
/// Runtime API test host, fed proxy events in the shapes AWS documents (HTTP API payload 2.0, REST API payload 1.0,
/// built from Events/*.json), answering with the exact response events API Gateway turns into HTTP responses.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class HttpEventTests
{
    private const string Teapot = "3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b";

    private const string NotAnApiGatewayEvent = """{"Records":[{"eventSource":"aws:sqs","messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","body":"Test message."}]}""";

    [Fact]
    public async Task GetGreeting_answers_a_2_0_event_lists_every_mistake_in_one_400_and_keeps_serving()
    {
        await using var run = await StartAsync("GetGreeting");

        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/greetings/{name}", "/greetings/ada", "times=2&loud=true", new() { ["name"] = "ada" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"message\":\"HELLO, ADA!\",\"times\":2}","isBase64Encoded":false}""");

        // Three mistakes, one 400 listing them all (the problem writer escapes ' as \u0027; JSON readers see the same text).
        var longName = new string('a', 21);
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/greetings/{name}", "/greetings/" + longName, "times=abc&loud=maybe", new() { ["name"] = longName }),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"name\":[\"The field name must be a string with a maximum length of 20.\"],\"times\":[\"The value \\u0027abc\\u0027 is not valid for times.\"],\"loud\":[\"The value \\u0027maybe\\u0027 is not valid for loud.\"]}}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        // Defaults for the absent query values; the route value comes percent-decoded in pathParameters (the app's
        // JSON context escapes non-ASCII text).
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/greetings/{name}", "/greetings/J%C3%BCrgen", "", new() { ["name"] = "Jürgen" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"message\":\"Hello, J\\u00FCrgen!\",\"times\":1}","isBase64Encoded":false}""");
    }

    [Fact]
    public async Task GetProduct_answers_a_1_0_event_404s_on_a_null_return_lists_every_mistake_and_keeps_serving()
    {
        await using var run = await StartAsync("GetProduct");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/products/{id}", "/products/" + Teapot, new() { ["id"] = Teapot }, new() { ["X-Currency"] = "USD" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"id\":\"3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b\",\"name\":\"Teapot\",\"price\":26.95,\"currency\":\"USD\"}","isBase64Encoded":false}""");

        // A null from the nullable return is a 404 without a body.
        var unknown = "00000000-0000-0000-0000-000000000001";
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/products/{id}", "/products/" + unknown, new() { ["id"] = unknown }),
            """{"statusCode":404,"headers":{},"multiValueHeaders":{},"isBase64Encoded":false}""");

        // A route value that is no GUID and a header outside the pattern: both in one 400.
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/products/{id}", "/products/teapot", new() { ["id"] = "teapot" }, new() { ["X-Currency"] = "yen" }),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"multiValueHeaders":{},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"id\":[\"The value \\u0027teapot\\u0027 is not valid for id.\"],\"X-Currency\":[\"The field X-Currency must match the regular expression \\u0027^(EUR|GBP|USD)$\\u0027.\"]}}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        // Without the header: the stored price, in euros.
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/products/{id}", "/products/" + Teapot, new() { ["id"] = Teapot }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"id\":\"3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b\",\"name\":\"Teapot\",\"price\":24.50,\"currency\":\"EUR\"}","isBase64Encoded":false}""");
    }

    [Fact]
    public async Task SetCurrency_answers_a_1_0_event_with_its_cookie_in_multiValueHeaders()
    {
        await using var run = await StartAsync("SetCurrency");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("PUT", "/currency/{code}", "/currency/GBP", new() { ["code"] = "GBP" }),
            """{"statusCode":204,"headers":{},"multiValueHeaders":{"Set-Cookie":["currency=GBP; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax"]},"isBase64Encoded":false}""");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("PUT", "/currency/{code}", "/currency/yen", new() { ["code"] = "yen" }),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"multiValueHeaders":{},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"code\":[\"The field code must match the regular expression \\u0027^(EUR|GBP|USD)$\\u0027.\"]}}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("PUT", "/currency/{code}", "/currency/USD", new() { ["code"] = "USD" }),
            """{"statusCode":204,"headers":{},"multiValueHeaders":{"Set-Cookie":["currency=USD; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax"]},"isBase64Encoded":false}""");
    }

    [Fact]
    public async Task CreateProduct_answers_201_with_location_header_and_cookie_reads_base64_bodies_lists_every_mistake_and_keeps_serving()
    {
        await using var run = await StartAsync("CreateProduct");
        var headers = new Dictionary<string, string> { ["X-Currency"] = "GBP", ["X-Stock"] = "12" };

        await run.AssertCreatedAsync(
            ApiGatewayEvents.HttpApi("POST", "/products", "/products", "", headers: headers, body: """{"name":"Kettle","price":22.5}"""),
            """{"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8","Location":"/products/{id}","X-Stock":"12"},"cookies":["currency=GBP; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax"],"body":"{\"id\":\"{id}\",\"name\":\"Kettle\",\"price\":22.5,\"currency\":\"GBP\"}","isBase64Encoded":false}""");

        // API Gateway base64-encodes bodies it does not treat as text; the runtime decodes them before binding.
        await run.AssertCreatedAsync(
            ApiGatewayEvents.HttpApi("POST", "/products", "/products", "", body: """{"name":"Mug","price":7}""", base64: true),
            """{"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8","Location":"/products/{id}","X-Stock":"0"},"cookies":["currency=EUR; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax"],"body":"{\"id\":\"{id}\",\"name\":\"Mug\",\"price\":7,\"currency\":\"EUR\"}","isBase64Encoded":false}""");

        // A body property of the wrong type (the reader stops at the first) and two bad headers: all in one 400.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("POST", "/products", "/products", "",
                headers: new() { ["X-Currency"] = "yen", ["X-Stock"] = "5000" }, body: """{"name":"Kettle","price":"cheap"}"""),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"$.price\":[\"The value is not valid for this field.\"],\"X-Currency\":[\"The field X-Currency must match the regular expression \\u0027^(EUR|GBP|USD)$\\u0027.\"],\"X-Stock\":[\"The field X-Stock must be between 0 and 1000.\"]}}","isBase64Encoded":false}""");

        // No body at all and a header that is no number.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("POST", "/products", "/products", "", headers: new() { ["X-Stock"] = "many" }),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"body\":[\"A non-empty request body is required.\"],\"X-Stock\":[\"The value \\u0027many\\u0027 is not valid for X-Stock.\"]}}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        await run.AssertCreatedAsync(
            ApiGatewayEvents.HttpApi("POST", "/products", "/products", "", headers: headers, body: """{"name":"Tray","price":3.10}"""),
            """{"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8","Location":"/products/{id}","X-Stock":"12"},"cookies":["currency=GBP; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax"],"body":"{\"id\":\"{id}\",\"name\":\"Tray\",\"price\":3.10,\"currency\":\"GBP\"}","isBase64Encoded":false}""");
    }

    internal static async Task<FunctionRun> StartAsync(string function)
    {
        var app = await SampleApp.GetAsync();
        var host = await RuntimeApiTestHost.StartAsync();
        var process = LambdaProcess.StartRuntime(app.Executable, host, function);
        return new FunctionRun(host, process);
    }

    /// <summary>One function's process and its host, with assertions that also check the process is still up.</summary>
    internal sealed class FunctionRun(RuntimeApiTestHost host, LambdaProcess process) : IAsyncDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        public async Task AssertResponseAsync(string apiGatewayEvent, string expectedResponse)
        {
            var result = await host.InvokeAsync(new TestInvocation(apiGatewayEvent), Timeout);
            Assert.False(result.IsError, result.ToString());
            Assert.Equal(expectedResponse, result.BodyText);
            AssertStillServing();
        }

        /// <summary>A 201 whose new id (a version 7 GUID) is in Location and the body: <c>{id}</c> in the expected response stands for it.</summary>
        public async Task AssertCreatedAsync(string apiGatewayEvent, string expectedResponse)
        {
            var result = await host.InvokeAsync(new TestInvocation(apiGatewayEvent), Timeout);
            Assert.False(result.IsError, result.ToString());
            using var response = JsonDocument.Parse(result.Body);
            var location = response.RootElement.GetProperty("headers").GetProperty("Location").GetString()!;
            Assert.StartsWith("/products/", location, StringComparison.Ordinal);
            var id = Guid.Parse(location["/products/".Length..]);
            Assert.Equal(7, id.Version);
            Assert.Equal(expectedResponse.Replace("{id}", id.ToString(), StringComparison.Ordinal), result.BodyText);
            AssertStillServing();
        }

        /// <summary>API Gateway never sends anything else, so another event is the caller's mistake: the invocation fails, without a stack trace.</summary>
        public async Task AssertNotAnApiGatewayEventAsync()
        {
            var result = await host.InvokeAsync(new TestInvocation(NotAnApiGatewayEvent), Timeout);
            Assert.True(result.IsError, result.ToString());
            Assert.Equal("LambdaSerializationException", result.ErrorType);
            Assert.Equal(
                """{"errorType":"LambdaSerializationException","errorMessage":"The payload is not an API Gateway proxy event: It has neither \"version\": \"2.0\" nor an \"httpMethod\".","stackTrace":[]}""",
                result.BodyText);
            AssertStillServing();
        }

        private void AssertStillServing() =>
            Assert.False(process.Process.HasExited, $"The app exited:\n{process.Stdout}\n{process.Stderr}");

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            await host.DisposeAsync();
        }
    }
}

/// <summary>
/// API Gateway proxy events built from the documented examples in Events/: HTTP API payload format 2.0
/// (<c>http-api-v2.json</c>) and REST API payload format 1.0 (<c>rest-api-v1.json</c>), with the request's
/// method, route, path, query, headers and body filled in the way API Gateway fills them.
/// </summary>
internal static class ApiGatewayEvents
{
    private static int s_requests;

    /// <summary>
    /// A 2.0 event: <c>routeKey</c> "METHOD /route", <c>rawPath</c>/<c>rawQueryString</c> as sent, lower-case header
    /// names, <c>queryStringParameters</c> (repeated values joined with commas) and <c>pathParameters</c> only when there
    /// are some, a body base64 encoded when <paramref name="base64"/> is set.
    /// </summary>
    public static string HttpApi(string method, string route, string path, string rawQuery,
        Dictionary<string, string>? pathParameters = null, Dictionary<string, string>? headers = null,
        string? body = null, bool base64 = false)
    {
        var e = Load("http-api-v2.json");
        var routeKey = method + " " + route;
        e["routeKey"] = routeKey;
        e["rawPath"] = path;
        e["rawQueryString"] = rawQuery;
        var eventHeaders = e["headers"]!.AsObject();
        foreach (var (name, value) in headers ?? [])
        {
            eventHeaders[name.ToLowerInvariant()] = value;
        }

        if (body is not null)
        {
            eventHeaders["content-type"] = "application/json";
        }

        eventHeaders["content-length"] = Encoding.UTF8.GetByteCount(body ?? "").ToString(System.Globalization.CultureInfo.InvariantCulture);

        var query = ParseQuery(rawQuery);
        if (query.Count > 0)
        {
            var parameters = new JsonObject();
            foreach (var (name, values) in query)
            {
                parameters[name] = string.Join(',', values);
            }

            e["queryStringParameters"] = parameters;
        }

        SetOrRemove(e, "pathParameters", pathParameters);
        var context = e["requestContext"]!;
        context["http"]!["method"] = method;
        context["http"]!["path"] = path;
        context["routeKey"] = routeKey;
        context["requestId"] = NextRequestId();
        if (body is not null)
        {
            e["body"] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body;
        }

        e["isBase64Encoded"] = base64;
        return e.ToJsonString();
    }

    /// <summary>
    /// A 1.0 event: <c>resource</c> is the route, headers in both <c>headers</c> and <c>multiValueHeaders</c> as sent,
    /// <c>null</c> for absent query strings and path parameters, <c>requestContext.path</c> with the stage.
    /// </summary>
    public static string RestApi(string method, string resource, string path,
        Dictionary<string, string>? pathParameters = null, Dictionary<string, string>? headers = null, string? body = null)
    {
        var e = Load("rest-api-v1.json");
        e["resource"] = resource;
        e["path"] = path;
        e["httpMethod"] = method;
        foreach (var (name, value) in headers ?? [])
        {
            e["headers"]![name] = value;
            e["multiValueHeaders"]![name] = new JsonArray(value);
        }

        e["pathParameters"] = pathParameters is null ? null : ToObject(pathParameters);
        var context = e["requestContext"]!;
        context["resourcePath"] = resource;
        context["httpMethod"] = method;
        context["path"] = "/" + context["stage"]!.GetValue<string>() + path;
        context["requestId"] = NextRequestId();
        e["body"] = body;
        return e.ToJsonString();
    }

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", file)))!.AsObject();

    private static string NextRequestId() =>
        "req-" + Interlocked.Increment(ref s_requests).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void SetOrRemove(JsonObject e, string name, Dictionary<string, string>? values)
    {
        if (values is { Count: > 0 })
        {
            e[name] = ToObject(values);
        }
        else
        {
            e.Remove(name);
        }
    }

    private static JsonObject ToObject(Dictionary<string, string> values)
    {
        var o = new JsonObject();
        foreach (var (name, value) in values)
        {
            o[name] = value;
        }

        return o;
    }

    private static List<(string Name, List<string> Values)> ParseQuery(string rawQuery)
    {
        var result = new List<(string Name, List<string> Values)>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            var index = result.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                result.Add((name, [value]));
            }
            else
            {
                result[index].Values.Add(value);
            }
        }

        return result;
    }
}
