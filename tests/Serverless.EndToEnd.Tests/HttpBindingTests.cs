using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Every binding source and value type over real HTTP, through the sample's local API server (<c>serve</c>) and its
/// warehouse routes (samples/HelloLambda/Warehouse.cs): route values into user types, every simple type from the
/// query, arrays and lists, headers, a validated JSON body, services, the Lambda context, the raw request, a greedy
/// route, results with headers and cookies, one 400 for many mistakes, and a 500 that tells the client nothing.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class HttpBindingTests(LocalApiServer server) : IClassFixture<LocalApiServer>
{
    private const string ValidationProblem = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":""";

    private HttpClient Client => server.Client;

    [Fact]
    public async Task Route_values_bind_to_an_IParsable_type_and_a_TryParse_only_type_with_an_enum_header_and_a_service()
    {
        // Lower-case route values: both user types normalize them; the unit header's enum name matches ignoring case.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "warehouses/ber1/stock/tea-0042"))
        {
            request.Headers.Add("X-Unit", "CASE");
            using var response = await Client.SendAsync(request);
            await AssertJsonAsync(response, HttpStatusCode.OK, """{"warehouse":"BER1","sku":"TEA-0042","quantity":19,"unit":"Case","asOf":null}""");
        }

        using (var response = await Client.GetAsync("warehouses/BER1/stock/TEA-0042?asOf=2024-05-01"))
        {
            await AssertJsonAsync(response, HttpStatusCode.OK, """{"warehouse":"BER1","sku":"TEA-0042","quantity":228,"unit":"Each","asOf":"2024-05-01"}""");
        }

        // Both route values, the header (enums never bind from numbers) and the query: one 400.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "warehouses/B1/stock/TEA-42?asOf=2024-02-30"))
        {
            request.Headers.Add("X-Unit", "12");
            using var response = await Client.SendAsync(request);
            await AssertJsonAsync(response, HttpStatusCode.BadRequest, ValidationProblem
                + """{"warehouse":["The value \u0027B1\u0027 is not valid for warehouse."],"sku":["The value \u0027TEA-42\u0027 is not valid for sku."],"X-Unit":["The value \u002712\u0027 is not valid for X-Unit."],"asOf":["The value \u00272024-02-30\u0027 is not valid for asOf."]}}""",
                "application/problem+json");
        }

        server.AssertStillServing();
    }

    [Fact]
    public async Task Every_simple_type_binds_from_the_query_and_arrays_and_lists_take_repeated_and_comma_separated_values()
    {
        var query = string.Join('&',
            "q=tea", "includeCancelled=TRUE", "aisle=255", "minTemperature=-18", "shelf=-3", "bin=65535", "page=1", "pageSize=20",
            "afterSequence=0", "maxQuantity=18446744073709551615", "minWeightKg=1.5", "maxVolumeLitres=2.25e0", "minValue=10.50",
            "batch=3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b", "from=2024-05-01T08:00:00Z", "until=2024-05-02T00:00:00%2B02:00",
            "day=2024-05-01", "shiftStart=06:30", "kind=receipt", "kind=PICK", "sku=tea-0042,MUG-0007", "sku=oil-0100", "warehouse=BER1");
        using (var response = await Client.GetAsync("stock/movements?" + query))
        {
            await AssertJsonAsync(response, HttpStatusCode.OK,
                """{"filter":{"search":"tea","includeCancelled":true,"aisle":255,"minTemperature":-18,"shelf":-3,"bin":65535,"page":1,"pageSize":20,"afterSequence":0,"maxQuantity":18446744073709551615,"minWeightKg":1.5,"maxVolumeLitres":2.25,"minValue":10.50,"batch":"3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b","from":"2024-05-01T08:00:00Z","until":"2024-05-02T00:00:00+02:00","day":"2024-05-01","shiftStart":"06:30:00","kinds":["Receipt","Pick"],"skus":["TEA-0042","MUG-0007","OIL-0100"],"warehouses":["BER1"]},"""
                + "\"movements\":[{\"sequence\":1,\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"kind\":\"Receipt\",\"quantity\":240,\"at\":\"2024-05-01T08:00:00+00:00\"},{\"sequence\":2,\"warehouse\":\"BER1\",\"sku\":\"TEA-0042\",\"kind\":\"Pick\",\"quantity\":-12,\"at\":\"2024-05-01T11:00:00+00:00\"}]}");
        }

        // Nothing given: the defaults, empty arrays and lists.
        using (var response = await Client.GetAsync("stock/movements"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(
                """{"search":null,"includeCancelled":false,"aisle":null,"minTemperature":null,"shelf":null,"bin":null,"page":1,"pageSize":50,"afterSequence":null,"maxQuantity":null,"minWeightKg":null,"maxVolumeLitres":null,"minValue":null,"batch":null,"from":null,"until":null,"day":null,"shiftStart":null,"kinds":[],"skus":[],"warehouses":[]}""",
                body.RootElement.GetProperty("filter").GetRawText());
        }

        server.AssertStillServing();
    }

    [Fact]
    public async Task Every_query_mistake_is_listed_in_one_400_with_the_invariant_culture_and_ISO_8601_rules()
    {
        var query = string.Join('&',
            "q=" + new string('t', 51), "includeCancelled=yes", "aisle=256", "minTemperature=-129", "shelf=1.5", "bin=-1", "page=0",
            "pageSize=500", "afterSequence=x", "maxQuantity=-1", "minWeightKg=1,5", "maxVolumeLitres=NaN%3F", "minValue=-1",
            "batch=nope", "from=05/01/2024", "until=tomorrow", "day=2024-5-1", "shiftStart=25:00", "kind=receipt,lost", "sku=TEA-0042,tea42",
            "warehouse=BER1", "warehouse=12AB");
        using var response = await Client.GetAsync("stock/movements?" + query);

        await AssertJsonAsync(response, HttpStatusCode.BadRequest, ValidationProblem + "{"
            + "\"q\":[\"The field q must be a string with a maximum length of 50.\"],"
            + "\"includeCancelled\":[\"The value \\u0027yes\\u0027 is not valid for includeCancelled.\"],"
            + "\"aisle\":[\"The value \\u0027256\\u0027 is not valid for aisle.\"],"
            + "\"minTemperature\":[\"The value \\u0027-129\\u0027 is not valid for minTemperature.\"],"
            + "\"shelf\":[\"The value \\u00271.5\\u0027 is not valid for shelf.\"],"
            + "\"bin\":[\"The value \\u0027-1\\u0027 is not valid for bin.\"],"
            + "\"page\":[\"The field page must be between 1 and 1000.\"],"
            + "\"pageSize\":[\"The field pageSize must be between 1 and 200.\"],"
            + "\"afterSequence\":[\"The value \\u0027x\\u0027 is not valid for afterSequence.\"],"
            + "\"maxQuantity\":[\"The value \\u0027-1\\u0027 is not valid for maxQuantity.\"],"
            + "\"minWeightKg\":[\"The value \\u00271,5\\u0027 is not valid for minWeightKg.\"],"
            + "\"maxVolumeLitres\":[\"The value \\u0027NaN?\\u0027 is not valid for maxVolumeLitres.\"],"
            + "\"minValue\":[\"The field minValue must be between 0 and 1000000.\"],"
            + "\"batch\":[\"The value \\u0027nope\\u0027 is not valid for batch.\"],"
            + "\"from\":[\"The value \\u002705/01/2024\\u0027 is not valid for from.\"],"
            + "\"until\":[\"The value \\u0027tomorrow\\u0027 is not valid for until.\"],"
            + "\"day\":[\"The value \\u00272024-5-1\\u0027 is not valid for day.\"],"
            + "\"shiftStart\":[\"The value \\u002725:00\\u0027 is not valid for shiftStart.\"],"
            + "\"kind\":[\"The value \\u0027lost\\u0027 is not valid for kind.\"],"
            + "\"sku\":[\"The value \\u0027tea42\\u0027 is not valid for sku.\"],"
            + "\"warehouse\":[\"The value \\u002712AB\\u0027 is not valid for warehouse.\"]}}",
            "application/problem+json");
        server.AssertStillServing();
    }

    [Fact]
    public async Task A_shipment_binds_route_header_body_and_query_calls_services_and_logs_and_answers_201_with_headers_and_a_cookie()
    {
        using (var response = await PostReceiptAsync("warehouses/mad3/receipts?notifySupplier=true", "3",
            """{"supplier":"Olive Grove S.L.","receivedOn":"2024-05-03","declaredValue":1250.00,"lines":[{"sku":"OIL-0100","quantity":96},{"sku":"OIL-0250","quantity":24}]}"""))
        {
            await AssertJsonAsync(response, HttpStatusCode.Created, """{"id":"MAD3-20240503-D3","warehouse":"MAD3","dock":3,"units":120,"notifySupplier":true}""");
            Assert.Equal("/warehouses/MAD3/receipts/MAD3-20240503-D3", response.Headers.Location?.OriginalString);
            Assert.Equal(["3"], response.Headers.GetValues("X-Dock"));
            Assert.Equal(["dock=3; Max-Age=28800; Path=/warehouses; HttpOnly; SameSite=Strict"], response.Headers.GetValues("Set-Cookie"));
        }

        // The handler's ILambdaContext logger wrote a structured line carrying the invocation's request id.
        var line = await WaitForLogLineAsync("Receipt MAD3-20240503-D3");
        using (var log = JsonDocument.Parse(line))
        {
            Assert.Equal("Information", log.RootElement.GetProperty("level").GetString());
            Assert.Equal("Receipt MAD3-20240503-D3: 120 units from Olive Grove S.L. at dock 3", log.RootElement.GetProperty("message").GetString());
            Assert.True(Guid.TryParse(log.RootElement.GetProperty("requestId").GetString(), out _));
        }

        // A route value, a header, two body properties and a query value wrong at once: one 400 listing all five.
        using (var response = await PostReceiptAsync("warehouses/B1/receipts?notifySupplier=perhaps", "13",
            """{"supplier":"X","receivedOn":"2024-05-03","declaredValue":0,"lines":[]}"""))
        {
            await AssertJsonAsync(response, HttpStatusCode.BadRequest, ValidationProblem
                + """{"warehouse":["The value \u0027B1\u0027 is not valid for warehouse."],"X-Dock":["The field X-Dock must be between 1 and 12."],"$.supplier":["The field $.supplier must be a string with a minimum length of 3 and a maximum length of 40."],"$.declaredValue":["The field $.declaredValue must be between 0.01 and 1000000."],"notifySupplier":["The value \u0027perhaps\u0027 is not valid for notifySupplier."]}}""",
                "application/problem+json");
        }

        // A missing required header and a body value of the wrong JSON type.
        using (var response = await PostReceiptAsync("warehouses/MAD3/receipts", null,
            """{"supplier":"Olive Grove S.L.","receivedOn":"2024-05-03","declaredValue":"a lot","lines":[]}"""))
        {
            await AssertJsonAsync(response, HttpStatusCode.BadRequest, ValidationProblem
                + """{"X-Dock":["The X-Dock field is required."],"$.declaredValue":["The value is not valid for this field."]}}""",
                "application/problem+json");
        }

        server.AssertStillServing();
    }

    [Fact]
    public async Task A_greedy_route_takes_the_rest_of_the_path_and_the_raw_request_answers_conditional_requests()
    {
        string etag;
        using (var response = await Client.GetAsync("documents/delivery-notes/2024/05/DN-1001.txt"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Delivery note DN-1001\nBER1, dock 3: 240 x TEA-0042\n", await response.Content.ReadAsStringAsync());
            Assert.Equal("max-age=300", response.Headers.CacheControl?.ToString());
            etag = response.Headers.ETag!.Tag;
            Assert.Matches("^\"[0-9a-f]{16}\"$", etag);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "documents/delivery-notes/2024/05/DN-1001.txt"))
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag?.Tag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        using (var response = await Client.GetAsync("documents/safety/forklifts.txt"))
        {
            Assert.Equal("Forklifts: 10 km/h in aisles, horn at every crossing.\n", await response.Content.ReadAsStringAsync());
        }

        using (var response = await Client.GetAsync("documents/delivery-notes/2024/05/DN-9999.txt"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        server.AssertStillServing();
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_with_the_request_id_and_nothing_of_the_exception_while_the_log_has_the_stack_trace()
    {
        using var response = await Client.PostAsync("warehouses/BER1/audits", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        var requestId = problem.RootElement.GetProperty("requestId").GetString()!;
        Assert.True(Guid.TryParse(requestId, out _), text);
        Assert.Equal(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"An unexpected error occurred.","status":500,"requestId":"{id}"}""".Replace("{id}", requestId, StringComparison.Ordinal),
            text);
        Assert.DoesNotContain("audit-db", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);

        var line = await WaitForLogLineAsync("Unhandled exception in POST /warehouses/BER1/audits");
        using var log = JsonDocument.Parse(line);
        Assert.Equal("Error", log.RootElement.GetProperty("level").GetString());
        Assert.Equal(requestId, log.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("InvalidOperationException", log.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("Audit store for BER1 unreachable at audit-db.internal:5432 (user=auditor).", log.RootElement.GetProperty("errorMessage").GetString());
        var stackTrace = log.RootElement.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(stackTrace, f => f.StartsWith("at HelloLambda.Warehouse.AuditStore.Open(", StringComparison.Ordinal));
        Assert.Contains(stackTrace, f => f.StartsWith("at HelloLambda.Warehouse.StartStockAudit(", StringComparison.Ordinal));
        server.AssertStillServing();
    }

    private async Task<HttpResponseMessage> PostReceiptAsync(string path, string? dock, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (dock is not null)
        {
            request.Headers.Add("X-Dock", dock);
        }

        return await Client.SendAsync(request);
    }

    private static async Task AssertJsonAsync(HttpResponseMessage response, HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, text);
    }

    /// <summary>The server's log line containing <paramref name="text"/> (stderr is read asynchronously, so it may lag the response).</summary>
    private async Task<string> WaitForLogLineAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var line = server.Log.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal) && l.TrimStart().StartsWith('{'));
            if (line is not null)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No log line with '{text}' in:\n{server.Log}");
            await Task.Delay(50);
        }
    }
}
