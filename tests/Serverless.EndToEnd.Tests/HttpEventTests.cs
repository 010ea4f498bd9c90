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

    [Fact]
    public async Task GetStockLevel_answers_a_1_0_event_binding_route_values_into_user_types_a_header_enum_and_the_query()
    {
        await using var run = await StartAsync("GetStockLevel");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/warehouses/{warehouse}/stock/{sku}", "/warehouses/ber1/stock/tea-0042",
                new() { ["warehouse"] = "ber1", ["sku"] = "tea-0042" }, new() { ["X-Unit"] = "Case" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"quantity\":19,\"unit\":\"Case\",\"asOf\":null}","isBase64Encoded":false}""");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/warehouses/{warehouse}/stock/{sku}", "/warehouses/BER1/stock/TEA-0042",
                new() { ["warehouse"] = "BER1", ["sku"] = "TEA-0042" }, rawQuery: "asOf=2024-05-01"),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"quantity\":228,\"unit\":\"Each\",\"asOf\":\"2024-05-01\"}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        // Two route values, the header and the query wrong at once: one 400.
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/warehouses/{warehouse}/stock/{sku}", "/warehouses/B1/stock/TEA-42",
                new() { ["warehouse"] = "B1", ["sku"] = "TEA-42" }, new() { ["X-Unit"] = "crate" }, rawQuery: "asOf=2024-02-30"),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"multiValueHeaders":{},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"warehouse\":[\"The value \\u0027B1\\u0027 is not valid for warehouse.\"],\"sku\":[\"The value \\u0027TEA-42\\u0027 is not valid for sku.\"],\"X-Unit\":[\"The value \\u0027crate\\u0027 is not valid for X-Unit.\"],\"asOf\":[\"The value \\u00272024-02-30\\u0027 is not valid for asOf.\"]}}","isBase64Encoded":false}""");
    }

    [Fact]
    public async Task SearchStockMovements_answers_a_2_0_event_with_repeated_and_comma_separated_query_values()
    {
        await using var run = await StartAsync("SearchStockMovements");

        // API Gateway joins repeated values with commas in queryStringParameters; the binder reads rawQueryString.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/stock/movements", "/stock/movements",
                "kind=receipt&kind=PICK&sku=tea-0042,MUG-0007&minValue=10.50&from=2024-05-01T08:00:00Z&day=2024-05-01&shiftStart=06:30&maxQuantity=18446744073709551615"),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"filter\":{\"search\":null,\"includeCancelled\":false,\"aisle\":null,\"minTemperature\":null,\"shelf\":null,\"bin\":null,\"page\":1,\"pageSize\":50,\"afterSequence\":null,\"maxQuantity\":18446744073709551615,\"minWeightKg\":null,\"maxVolumeLitres\":null,\"minValue\":10.50,\"batch\":null,\"from\":\"2024-05-01T08:00:00Z\",\"until\":null,\"day\":\"2024-05-01\",\"shiftStart\":\"06:30:00\",\"kinds\":[\"Receipt\",\"Pick\"],\"skus\":[\"TEA-0042\",\"MUG-0007\"],\"warehouses\":[]},\"movements\":[{\"sequence\":1,\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"kind\":\"Receipt\",\"quantity\":240,\"at\":\"2024-05-01T08:00:00+00:00\"},{\"sequence\":2,\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"kind\":\"Pick\",\"quantity\":-12,\"at\":\"2024-05-01T11:00:00+00:00\"},{\"sequence\":3,\"warehouse\":\"LHR2\",\"sku\":\"MUG-0007\",\"kind\":\"Receipt\",\"quantity\":96,\"at\":\"2024-05-02T08:00:00+00:00\"}]}","isBase64Encoded":false}""");

        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/stock/movements", "/stock/movements", "aisle=256&page=0&kind=lost&batch=nope"),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"aisle\":[\"The value \\u0027256\\u0027 is not valid for aisle.\"],\"page\":[\"The field page must be between 1 and 1000.\"],\"batch\":[\"The value \\u0027nope\\u0027 is not valid for batch.\"],\"kind\":[\"The value \\u0027lost\\u0027 is not valid for kind.\"]}}","isBase64Encoded":false}""");
    }

    [Fact]
    public async Task ReceiveShipment_answers_a_2_0_event_with_a_base64_body_cookies_and_headers_and_lists_every_mistake()
    {
        await using var run = await StartAsync("ReceiveShipment");
        const string receipt = """{"supplier":"Olive Grove S.L.","receivedOn":"2024-05-03","declaredValue":1250.00,"lines":[{"sku":"OIL-0100","quantity":96}]}""";

        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("POST", "/warehouses/{warehouse}/receipts", "/warehouses/mad3/receipts", "notifySupplier=true",
                new() { ["warehouse"] = "mad3" }, new() { ["X-Dock"] = "3" }, receipt, base64: true),
            """{"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8","Location":"/warehouses/MAD3/receipts/MAD3-20240503-D3","X-Dock":"3"},"cookies":["dock=3; Max-Age=28800; Path=/warehouses; HttpOnly; SameSite=Strict"],"body":"{\"id\":\"MAD3-20240503-D3\",\"warehouse\":\"MAD3\",\"dock\":3,\"units\":96,\"notifySupplier\":true}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();

        // Route, header, body properties and query wrong at once (the body base64 encoded): one 400.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("POST", "/warehouses/{warehouse}/receipts", "/warehouses/B1/receipts", "notifySupplier=perhaps",
                new() { ["warehouse"] = "B1" }, new() { ["X-Dock"] = "13" },
                """{"supplier":"X","receivedOn":"2024-05-03","declaredValue":0,"lines":[]}""", base64: true),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"warehouse\":[\"The value \\u0027B1\\u0027 is not valid for warehouse.\"],\"X-Dock\":[\"The field X-Dock must be between 1 and 12.\"],\"$.supplier\":[\"The field $.supplier must be a string with a minimum length of 3 and a maximum length of 40.\"],\"$.declaredValue\":[\"The field $.declaredValue must be between 0.01 and 1000000.\"],\"notifySupplier\":[\"The value \\u0027perhaps\\u0027 is not valid for notifySupplier.\"]}}","isBase64Encoded":false}""");
    }

    [Fact]
    public async Task GetWarehouseDocument_answers_a_1_0_event_of_a_greedy_route_with_text_headers_and_304()
    {
        await using var run = await StartAsync("GetWarehouseDocument");
        var proxy = new Dictionary<string, string> { ["proxy"] = "delivery-notes/2024/05/DN-1001.txt" };

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/documents/{proxy+}", "/documents/delivery-notes/2024/05/DN-1001.txt", proxy),
            """{"statusCode":200,"headers":{"Content-Type":"text/plain; charset=utf-8","ETag":"\"ba150b3d0a4310fe\"","Cache-Control":"max-age=300"},"multiValueHeaders":{},"body":"Delivery note DN-1001\nBER1, dock 3: 240 x TEA-0042\n","isBase64Encoded":false}""");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/documents/{proxy+}", "/documents/delivery-notes/2024/05/DN-1001.txt", proxy,
                new() { ["If-None-Match"] = "\"ba150b3d0a4310fe\"" }),
            """{"statusCode":304,"headers":{"ETag":"\"ba150b3d0a4310fe\"","Cache-Control":"max-age=300"},"multiValueHeaders":{},"isBase64Encoded":false}""");

        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/documents/{proxy+}", "/documents/nothing/here.txt", new() { ["proxy"] = "nothing/here.txt" }),
            """{"statusCode":404,"headers":{},"multiValueHeaders":{},"isBase64Encoded":false}""");
    }

    [Fact]
    public async Task StartStockAudit_answers_a_2_0_event_with_a_500_carrying_only_the_request_id_and_logs_the_stack_trace()
    {
        await using var run = await StartAsync("StartStockAudit");
        var invocation = new TestInvocation(ApiGatewayEvents.HttpApi("POST", "/warehouses/{warehouse}/audits", "/warehouses/BER1/audits", "",
            new() { ["warehouse"] = "BER1" }));

        var result = await run.InvokeAsync(invocation);

        Assert.False(result.IsError, result.ToString());
        Assert.Equal(
            """{"statusCode":500,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\",\"title\":\"An unexpected error occurred.\",\"status\":500,\"requestId\":\"{id}\"}","isBase64Encoded":false}"""
                .Replace("{id}", invocation.RequestId, StringComparison.Ordinal),
            result.BodyText);
        var log = await run.WaitForLogAsync("Unhandled exception in POST /warehouses/BER1/audits");
        Assert.Contains("\"requestId\":\"" + invocation.RequestId + "\"", log, StringComparison.Ordinal);
        Assert.Contains("Audit store for BER1 unreachable at audit-db.internal:5432 (user=auditor).", log, StringComparison.Ordinal);
        Assert.Contains("at HelloLambda.Warehouse.AuditStore.Open(", log, StringComparison.Ordinal);

        await run.AssertNotAnApiGatewayEventAsync();
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

        public async Task<InvocationResult> InvokeAsync(TestInvocation invocation)
        {
            var result = await host.InvokeAsync(invocation, Timeout);
            AssertStillServing();
            return result;
        }

        /// <summary>The process's log line (stdout or stderr) containing <paramref name="text"/>; output is read asynchronously, so it may lag.</summary>
        public async Task<string> WaitForLogAsync(string text)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                var line = (process.Stdout + "\n" + process.Stderr).Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }

                Assert.True(DateTime.UtcNow < deadline, $"No log line with '{text}' in:\n{process.Stdout}\n{process.Stderr}");
                await Task.Delay(50);
            }
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
    /// the query decoded into <c>queryStringParameters</c> (the last value of a repeated name) and
    /// <c>multiValueQueryStringParameters</c> (every value), <c>null</c> for absent query strings and path parameters,
    /// <c>requestContext.path</c> with the stage.
    /// </summary>
    public static string RestApi(string method, string resource, string path,
        Dictionary<string, string>? pathParameters = null, Dictionary<string, string>? headers = null, string? body = null,
        string rawQuery = "")
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
        var query = ParseQuery(rawQuery);
        if (query.Count > 0)
        {
            var single = new JsonObject();
            var multi = new JsonObject();
            foreach (var (name, values) in query)
            {
                single[name] = values[^1];
                multi[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
            }

            e["queryStringParameters"] = single;
            e["multiValueQueryStringParameters"] = multi;
        }

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
