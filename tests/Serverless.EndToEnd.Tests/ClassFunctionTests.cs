using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The sample's class-level function (<c>InventoryApi</c>): one function whose generated router serves every route of
/// the class, over real HTTP through the local API server and through the Runtime API with 2.0 and 1.0 events.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class ClassFunctionTests
{
    private const string Json = "application/json; charset=utf-8";

    [Fact]
    public async Task Over_HTTP_every_route_reaches_its_method_literals_beat_parameters_and_parameters_beat_greedy()
    {
        var app = await SampleApp.GetAsync();
        var port = HttpApiTests.FreePort();
        await using var server = LambdaProcess.StartTool(app.Executable, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await HttpApiTests.WaitUntilListeningAsync(client, server);

        await AssertAsync(client.GetAsync("inventory/items"), HttpStatusCode.OK, Json,
            """[{"sku":"KETTLE-1","name":"Kettle","quantity":12},{"sku":"MUG-2","name":"Mug","quantity":3}]""");
        await AssertAsync(client.GetAsync("inventory/items/KETTLE-1"), HttpStatusCode.OK, Json, """{"sku":"KETTLE-1","name":"Kettle","quantity":12}""");

        // The literal /inventory/items/low-stock wins over /inventory/items/{sku} at the same depth.
        await AssertAsync(client.GetAsync("inventory/items/low-stock"), HttpStatusCode.OK, Json, """[{"sku":"MUG-2","name":"Mug","quantity":3}]""");
        await AssertAsync(client.GetAsync("inventory/items/low-stock?threshold=abc"), HttpStatusCode.BadRequest, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"threshold":["The value \u0027abc\u0027 is not valid for threshold."]}}""");

        // The literal /inventory/files/labels wins over the greedy /inventory/files/{path+}, which takes every deeper path.
        await AssertAsync(client.GetAsync("inventory/files/labels"), HttpStatusCode.OK, "text/plain; charset=utf-8", "KETTLE-1 Kettle\nMUG-2 Mug");
        await AssertAsync(client.GetAsync("inventory/files/2026/labels.pdf"), HttpStatusCode.OK, "text/plain; charset=utf-8", "file 2026/labels.pdf");

        // GET, PUT and DELETE on one path reach three methods; the REST API route (payload 1.0) reaches the same Get.
        await AssertAsync(client.PutAsync("inventory/items/TEA-3", new StringContent("""{"name":"Teapot","quantity":7}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.OK, Json, """{"sku":"TEA-3","name":"Teapot","quantity":7}""");
        await AssertAsync(client.GetAsync("v1/inventory/items/TEA-3"), HttpStatusCode.OK, Json, """{"sku":"TEA-3","name":"Teapot","quantity":7}""");
        await AssertAsync(client.DeleteAsync("inventory/items/TEA-3"), HttpStatusCode.NoContent, null, "");
        await AssertAsync(client.GetAsync("inventory/items/TEA-3"), HttpStatusCode.NotFound, null, "");
        await AssertAsync(client.DeleteAsync("inventory/items/TEA-3"), HttpStatusCode.NotFound, null, "");

        // Every mistake of the PUT in one 400: the route value's pattern and the body's range.
        await AssertAsync(client.PutAsync("inventory/items/tea", new StringContent("""{"name":"Teapot","quantity":-1}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"sku":["The field sku must match the regular expression \u0027^[A-Z0-9-]{3,20}$\u0027."],"$.quantity":["The field $.quantity must be between 0 and 100000."]}}""");

        // Like API Gateway, the local server routes only the template's routes: a method or path the class does not
        // declare never reaches the function.
        await AssertAsync(client.PostAsync("inventory/items", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.NotFound, "application/json", """{"message":"Not Found"}""");
        await AssertAsync(client.GetAsync("inventory/unknown"), HttpStatusCode.NotFound, "application/json", """{"message":"Not Found"}""");
    }

    [Fact]
    public async Task Through_the_Runtime_API_the_router_dispatches_2_0_and_1_0_events_and_answers_404_and_405_itself()
    {
        await using var run = await HttpEventTests.StartAsync("InventoryApi");

        // API Gateway matched a route: its routeKey (2.0) or resource (1.0) picks the method, pathParameters the values.
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/inventory/items/{sku}", "/inventory/items/MUG-2", "", new() { ["sku"] = "MUG-2" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"sku\":\"MUG-2\",\"name\":\"Mug\",\"quantity\":3}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("GET", "/v1/inventory/items/{sku}", "/v1/inventory/items/KETTLE-1", new() { ["sku"] = "KETTLE-1" }),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"multiValueHeaders":{},"body":"{\"sku\":\"KETTLE-1\",\"name\":\"Kettle\",\"quantity\":12}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ApiGatewayEvents.HttpApi("GET", "/inventory/items/low-stock", "/inventory/items/low-stock", "threshold=20"),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"[{\"sku\":\"KETTLE-1\",\"name\":\"Kettle\",\"quantity\":12},{\"sku\":\"MUG-2\",\"name\":\"Mug\",\"quantity\":3}]","isBase64Encoded":false}""");

        // A catch-all route ($default, or a REST {proxy+} resource) leaves matching to the router: literal > parameter > greedy.
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("GET", "-", "/inventory/items/low-stock", "")),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"[{\"sku\":\"MUG-2\",\"name\":\"Mug\",\"quantity\":3}]","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("GET", "-", "/inventory/items/KETTLE-1", "")),
            """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"sku\":\"KETTLE-1\",\"name\":\"Kettle\",\"quantity\":12}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("GET", "-", "/inventory/files/labels", "")),
            """{"statusCode":200,"headers":{"Content-Type":"text/plain; charset=utf-8"},"body":"KETTLE-1 Kettle\nMUG-2 Mug","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("GET", "-", "/inventory/files/a/b%20c.pdf", "")),
            """{"statusCode":200,"headers":{"Content-Type":"text/plain; charset=utf-8"},"body":"file a/b c.pdf","isBase64Encoded":false}""");

        // No route has the path: 404 problem. The path is served, but not for this method: 405 with Allow, in mapping order.
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("GET", "-", "/inventory/unknown", "")),
            """{"statusCode":404,"headers":{"Content-Type":"application/problem+json"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No route matches GET /inventory/unknown.\"}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            CatchAll(ApiGatewayEvents.HttpApi("POST", "-", "/inventory/items/MUG-2", "", body: "{}")),
            """{"statusCode":405,"headers":{"Content-Type":"application/problem+json","Allow":"GET, PUT, DELETE"},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.6\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\"POST is not allowed for /inventory/items/MUG-2.\"}","isBase64Encoded":false}""");
        await run.AssertResponseAsync(
            ApiGatewayEvents.RestApi("PATCH", "/{proxy+}", "/inventory/items", new() { ["proxy"] = "inventory/items" }),
            """{"statusCode":405,"headers":{"Content-Type":"application/problem+json","Allow":"GET"},"multiValueHeaders":{},"body":"{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.6\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\"PATCH is not allowed for /inventory/items.\"}","isBase64Encoded":false}""");

        await run.AssertNotAnApiGatewayEventAsync();
    }

    [Fact]
    public async Task The_template_has_one_function_with_one_event_per_route_and_the_tool_lists_them()
    {
        var app = await SampleApp.GetAsync();
        var template = JsonNode.Parse(File.ReadAllText(app.TemplatePath))!;
        var function = template["Resources"]!["InventoryApi"]!["Properties"]!;

        Assert.Equal("InventoryApi", function["Handler"]!.GetValue<string>());
        Assert.Equal(512, function["MemorySize"]!.GetValue<int>());
        Assert.Equal("berlin-1", function["Environment"]!["Variables"]!["WAREHOUSE"]!.GetValue<string>());
        var events = function["Events"]!.AsObject();
        Assert.Equal(
            ["GET /inventory/items", "GET /inventory/items/{sku}", "GET /v1/inventory/items/{sku}", "GET /inventory/items/low-stock", "PUT /inventory/items/{sku}",
             "DELETE /inventory/items/{sku}", "GET /inventory/files/labels", "GET /inventory/files/{path+}", "GET /inventory/items/{sku}/label",
             "GET /inventory/products/{sku}", "POST /inventory/reservations", "PUT /inventory/stocktake", "DELETE /inventory/stocktake"],
            events.Select(e => e.Value!["Properties"]!["Method"]!.GetValue<string>() + " " + e.Value!["Properties"]!["Path"]!.GetValue<string>()));
        Assert.Equal("Api", events["GetV1InventoryItemsSku"]!["Type"]!.GetValue<string>());
        Assert.Equal("HttpApi", events["PutInventoryItemsSku"]!["Type"]!.GetValue<string>());

        await using (var tool = await LambdaProcess.RunToolAsync(app.Executable, []))
        {
            Assert.Equal(0, tool.Process.ExitCode);
            var lines = tool.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var at = lines.FindIndex(l => l.StartsWith("InventoryApi ", StringComparison.Ordinal));
            Assert.True(at >= 0, tool.Stdout);
            Assert.Equal("  GET     /inventory/items  HTTP API", lines[at + 1]);
            Assert.Equal("  GET     /v1/inventory/items/{sku}  REST API", lines[at + 3]);
            Assert.Equal("  GET     /inventory/files/{path+}  HTTP API", lines[at + 8]);
            Assert.Equal("  DELETE  /inventory/stocktake  HTTP API", lines[at + 13]);
        }
    }

    /// <summary>The event a catch-all route sends: 2.0 <c>$default</c> (the router matches <c>rawPath</c>) and no path parameters.</summary>
    private static string CatchAll(string httpApiEvent)
    {
        var e = JsonNode.Parse(httpApiEvent)!.AsObject();
        e["routeKey"] = "$default";
        e["requestContext"]!["routeKey"] = "$default";
        e.Remove("pathParameters");
        return e.ToJsonString();
    }

    private static async Task AssertAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string? contentType, string body)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }
}
