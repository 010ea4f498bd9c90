using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Every kind of <c>HttpResults</c> result end to end, through the sample's inventory (samples/HelloLambda/InventoryApi.cs):
/// reservations (Ok with a header and a cookie, Conflict, BadRequest, ValidationProblem, a 503 Problem with
/// Retry-After), shelf labels (Bytes: real bytes over HTTP, base64 with <c>isBase64Encoded</c> to API Gateway), old
/// product links (a 301 Redirect), and stock takes (Json with 201 or 200, NoContent, NotFound). Over real HTTP through
/// the local server, and through the Runtime API with 2.0 and 1.0 events.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class InventoryResultTests
{
    private const string Json = "application/json; charset=utf-8";

    private const string Problem = "application/problem+json";

    /// <summary>MUG-2's label, 131 × 24 pixels: the PNG header chunks, 24 identical rows of bars, the checksums and IEND.</summary>
    private static readonly string MugLabel =
        "iVBORw0KGgoAAAANSUhEUgAAAIMAAAAYAQAAAADxR3NLAAABu0lEQVR4AQGwAU/+"
        + string.Concat(Enumerable.Repeat("AP/dEURXR1RVxF1EUdRdEX/g", 24))
        + "RHq7aQhZl4cAAAAASUVORK5CYII=";

    private const string Reservation = """{"orderId":"A-1001","lines":[{"sku":"KETTLE-1","quantity":2},{"sku":"MUG-2","quantity":1}]}""";

    [Fact]
    public async Task Over_HTTP_labels_arrive_as_bytes_old_links_redirect_and_reservations_answer_with_every_result_kind()
    {
        var app = await SampleApp.GetAsync();
        var port = HttpApiTests.FreePort();
        await using var server = LambdaProcess.StartTool(app.Executable, ["serve", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        await HttpApiTests.WaitUntilListeningAsync(client, server);

        // Bytes: the PNG itself, byte for byte (the local server decodes the function's base64 body as API Gateway does).
        using (var response = await client.GetAsync("inventory/items/MUG-2/label"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.ToString());
            var png = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Convert.FromBase64String(MugLabel), png);
            Assert.Equal(png.Length, response.Content.Headers.ContentLength);
            AssertPngHeader(png, width: 131, height: 24);
        }

        await AssertAsync(client.GetAsync("inventory/items/NOPE-9/label"), HttpStatusCode.NotFound, null, "");

        // Redirect: 301 with Location and no body; the new address serves the item.
        using (var response = await client.GetAsync("inventory/products/MUG-2"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/inventory/items/MUG-2", response.Headers.Location?.OriginalString);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            await AssertAsync(client.GetAsync(response.Headers.Location), HttpStatusCode.OK, Json, """{"sku":"MUG-2","name":"Mug","quantity":3}""");
        }

        // Ok with a header and a cookie: the units are taken off the stock.
        using (var response = await PostAsync(client, "inventory/reservations", Reservation))
        {
            await AssertResponseAsync(response, HttpStatusCode.OK, Json,
                """{"orderId":"A-1001","lines":[{"sku":"KETTLE-1","quantity":2},{"sku":"MUG-2","quantity":1}],"units":3}""");
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal(["reservation=A-1001; Max-Age=900; Path=/inventory; HttpOnly; SameSite=Strict"], response.Headers.GetValues("Set-Cookie"));
        }

        await AssertAsync(client.GetAsync("inventory/items/MUG-2"), HttpStatusCode.OK, Json, """{"sku":"MUG-2","name":"Mug","quantity":2}""");

        // Conflict: the lines the stock cannot cover, and none of the order's units are taken.
        await AssertAsync(PostAsync(client, "inventory/reservations", """{"orderId":"A-1002","lines":[{"sku":"KETTLE-1","quantity":1},{"sku":"MUG-2","quantity":5}]}"""),
            HttpStatusCode.Conflict, Json, """[{"sku":"MUG-2","requested":5,"available":2}]""");
        await AssertAsync(client.GetAsync("inventory/items/KETTLE-1"), HttpStatusCode.OK, Json, """{"sku":"KETTLE-1","name":"Kettle","quantity":10}""");

        // BadRequest with a problem (the business rule), and a ValidationProblem for what only the stock can tell.
        await AssertAsync(PostAsync(client, "inventory/reservations", """{"orderId":"A-1003","lines":[{"sku":"KETTLE-1","quantity":25}]}"""),
            HttpStatusCode.BadRequest, Problem,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,"detail":"An order holds at most 20 units at once; this one asks for 25."}""");
        await AssertAsync(PostAsync(client, "inventory/reservations", """{"orderId":"A-1004","lines":[{"sku":"NOPE-9","quantity":1},{"sku":"MUG-2","quantity":0},{"sku":"MUG-2","quantity":1}]}"""),
            HttpStatusCode.BadRequest, Problem,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"$.lines[0].sku":["No item has the SKU NOPE-9."],"$.lines[1].quantity":["A line reserves at least one unit."],"$.lines[2].sku":["MUG-2 is on an earlier line."]}}""");

        // Json with the status the method computes: 201 when the stock take starts, 200 when it was running.
        await AssertAsync(client.PutAsync("inventory/stocktake", null), HttpStatusCode.Created, Json, """{"items":2,"units":12}""");
        await AssertAsync(client.PutAsync("inventory/stocktake", null), HttpStatusCode.OK, Json, """{"items":2,"units":12}""");

        // Problem: 503 with its own type, title and detail, and Retry-After.
        using (var response = await PostAsync(client, "inventory/reservations", Reservation))
        {
            await AssertResponseAsync(response, HttpStatusCode.ServiceUnavailable, Problem,
                """{"type":"https://hello.example.com/problems/stocktake","title":"Stock take in progress","status":503,"detail":"Reservations resume when the stock take ends."}""");
            Assert.Equal(TimeSpan.FromSeconds(900), response.Headers.RetryAfter?.Delta);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        await AssertAsync(client.DeleteAsync("inventory/stocktake"), HttpStatusCode.NoContent, null, "");
        await AssertAsync(client.DeleteAsync("inventory/stocktake"), HttpStatusCode.NotFound, null, "");
        await AssertAsync(PostAsync(client, "inventory/reservations", """{"orderId":"A-1005","lines":[{"sku":"MUG-2","quantity":2}]}"""),
            HttpStatusCode.OK, Json, """{"orderId":"A-1005","lines":[{"sku":"MUG-2","quantity":2}],"units":2}""");
        Assert.False(server.Process.HasExited, "serve exited:\n" + server.Stderr);
    }

    [Fact]
    public async Task Through_the_Runtime_API_binary_redirect_and_problem_results_answer_2_0_and_1_0_events()
    {
        await using var run = await HttpEventTests.StartAsync("InventoryApi");

        // Bytes: the body base64 encoded with isBase64Encoded true, in both payload formats (1.0 through a {proxy+} resource).
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/inventory/items/{sku}/label", "/inventory/items/MUG-2/label", "", new() { ["sku"] = "MUG-2" }),
            """{"statusCode":200,"headers":{"Content-Type":"image/png"},"body":"{label}","isBase64Encoded":true}""".Replace("{label}", MugLabel, StringComparison.Ordinal));
        await run.AssertResponseAsync(
            ProxyEvent("GET", "/inventory/items/MUG-2/label"),
            """{"statusCode":200,"headers":{"Content-Type":"image/png"},"multiValueHeaders":{},"body":"{label}","isBase64Encoded":true}""".Replace("{label}", MugLabel, StringComparison.Ordinal));
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/inventory/items/{sku}/label", "/inventory/items/NOPE-9/label", "", new() { ["sku"] = "NOPE-9" }),
            """{"statusCode":404,"isBase64Encoded":false}""");

        // Redirect: Location and no body.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/inventory/products/{sku}", "/inventory/products/KETTLE-1", "", new() { ["sku"] = "KETTLE-1" }),
            """{"statusCode":301,"headers":{"Location":"/inventory/items/KETTLE-1"},"isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ProxyEvent("GET", "/inventory/products/KETTLE-1"),
            """{"statusCode":301,"headers":{"Location":"/inventory/items/KETTLE-1"},"multiValueHeaders":{},"isBase64Encoded":false}""");

        // Ok with a header and a cookie (2.0: cookies; 1.0: Set-Cookie in multiValueHeaders), Conflict, BadRequest, ValidationProblem.
        await run.AssertResponseAsync(
            Reserve(Reservation),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8","Cache-Control":"no-store"},"cookies":["reservation=A-1001; Max-Age=900; Path=/inventory; HttpOnly; SameSite=Strict"],"body":"{\"orderId\":\"A-1001\",\"lines\":[{\"sku\":\"KETTLE-1\",\"quantity\":2},{\"sku\":\"MUG-2\",\"quantity\":1}],\"units\":3}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ProxyEvent("POST", "/inventory/reservations", """{"orderId":"A-1002","lines":[{"sku":"MUG-2","quantity":1}]}"""),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8","Cache-Control":"no-store"},"multiValueHeaders":{"Set-Cookie":["reservation=A-1002; Max-Age=900; Path=/inventory; HttpOnly; SameSite=Strict"]},"body":"{\"orderId\":\"A-1002\",\"lines\":[{\"sku\":\"MUG-2\",\"quantity\":1}],\"units\":1}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            Reserve("""{"orderId":"A-1003","lines":[{"sku":"MUG-2","quantity":2}]}"""),
            """{"statusCode":409,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"[{\"sku\":\"MUG-2\",\"requested\":2,\"available\":1}]","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            Reserve("""{"orderId":"A-1004","lines":[{"sku":"KETTLE-1","quantity":8},{"sku":"MUG-2","quantity":13}]}"""),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"An order holds at most 20 units at once; this one asks for 21.\"}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            Reserve("""{"orderId":"A-1005","lines":[]}"""),
            """{"statusCode":400,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"$.lines\":[\"A reservation needs at least one line.\"]}}","isBase64Encoded":false}""");

        // Json with a computed status, then the 503 Problem with Retry-After in both formats, and NoContent.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("PUT", "/inventory/stocktake", "/inventory/stocktake", ""),
            """{"statusCode":201,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"items\":2,\"units\":11}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ProxyEvent("PUT", "/inventory/stocktake"),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"items\":2,\"units\":11}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            Reserve(Reservation),
            """{"statusCode":503,"headers":{"Content-Type":"application/problem+json","Retry-After":"900"},"body":"{\"type\":\"https://hello.example.com/problems/stocktake\",\"title\":\"Stock take in progress\",\"status\":503,\"detail\":\"Reservations resume when the stock take ends.\"}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ProxyEvent("POST", "/inventory/reservations", Reservation),
            """{"statusCode":503,"headers":{"Content-Type":"application/problem+json","Retry-After":"900"},"multiValueHeaders":{},"body":"{\"type\":\"https://hello.example.com/problems/stocktake\",\"title\":\"Stock take in progress\",\"status\":503,\"detail\":\"Reservations resume when the stock take ends.\"}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("DELETE", "/inventory/stocktake", "/inventory/stocktake", ""),
            """{"statusCode":204,"isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();
    }

    /// <summary>A 2.0 event of the reservations route with a JSON body.</summary>
    private static string Reserve(string body) =>
        ApiGatewayEvents.HttpApi("POST", "/inventory/reservations", "/inventory/reservations", "", body: body);

    /// <summary>A 1.0 event of a REST API <c>{proxy+}</c> resource that forwards every path to the function's router.</summary>
    private static string ProxyEvent(string method, string path, string? body = null) =>
        ApiGatewayEvents.RestApi(method, "/{proxy+}", path, new() { ["proxy"] = path[1..] },
            body is null ? null : new() { ["Content-Type"] = "application/json" }, body);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The PNG signature and an IHDR of the given size, 1-bit grayscale: what an image reader checks first.</summary>
    private static void AssertPngHeader(byte[] png, int width, int height)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal((1, 0), (png[24], png[25]));
    }

    private static async Task AssertAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string? contentType, string body)
    {
        using var response = await request;
        await AssertResponseAsync(response, status, contentType, body);
    }

    private static async Task AssertResponseAsync(HttpResponseMessage response, HttpStatusCode status, string? contentType, string body)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(body, text);
    }
}
