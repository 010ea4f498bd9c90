using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The local API server against awkward and hostile HTTP, over real sockets: requests without a length, chunked and
/// binary bodies, API Gateway's size limits, percent-encoding, repeated headers and cookies, HEAD, malformed requests,
/// clients that hang up, and many requests at once. Whatever comes in, the server answers like API Gateway (or with a
/// JSON <c>{"message"}</c> and a status, never a stack trace) and keeps serving. The sample's webhook inbox
/// (samples/HelloLambda/WebhookInbox.cs) reports what its function received.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class LocalServerRobustnessTests(LocalApiServer server) : IClassFixture<LocalApiServer>
{
    private const int PayloadLimit = 10 * 1024 * 1024;
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private HttpClient Client => server.Client;

    private int Port => server.Client.BaseAddress!.Port;

    [Fact]
    public async Task A_POST_without_a_length_is_an_event_without_a_body_and_the_wrapper_answers_its_own_400()
    {
        // What `curl -X POST` sends: neither Content-Length nor Transfer-Encoding. The required [FromBody] is missing.
        var response = await RawHttp.SendAsync(Port, "POST /products HTTP/1.1\r\nHost: localhost:5050\r\nConnection: close\r\n\r\n");
        Assert.Equal(400, RawHttp.Status(response));
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", response, StringComparison.Ordinal);
        Assert.Equal(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"body":["A non-empty request body is required."]}}""",
            RawHttp.Body(response));

        // HTTP/1.0 without a length or a Host: no body either, and the connection closes after the answer.
        response = await RawHttp.SendAsync(Port, "POST /webhooks/ping HTTP/1.0\r\nContent-Type: application/json\r\n\r\n");
        Assert.Equal(200, RawHttp.Status(response));
        Assert.Contains("\r\nConnection: close\r\n", response, StringComparison.Ordinal);
        Assert.Equal(
            """{"source":"ping","method":"POST","path":"/webhooks/ping","contentType":"application/json","bytes":0,"sha256":"{sha}","isBase64Encoded":false,"text":"","headers":{},"cookies":{},"query":{}}"""
                .Replace("{sha}", EmptySha256, StringComparison.Ordinal),
            RawHttp.Body(response));
        server.AssertStillServing();
    }

    [Fact]
    public async Task A_chunked_body_is_read_to_its_end_whatever_its_chunks_extensions_and_trailers()
    {
        var photo = RandomNumberGenerator.GetBytes(300_000);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/camera") { Content = new ByteArrayContent(photo) })
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            request.Headers.TransferEncodingChunked = true;
            var delivery = await SendAsync(request);
            Assert.Equal(photo.Length, delivery.GetProperty("bytes").GetInt32());
            Assert.Equal(Sha256(photo), delivery.GetProperty("sha256").GetString());
            Assert.True(delivery.GetProperty("isBase64Encoded").GetBoolean());
        }

        // Two chunks, a chunk extension and a trailer field, written by hand.
        var response = await RawHttp.SendAsync(Port,
            "POST /webhooks/shop HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + "5;name=value\r\n{\"a\":\r\n3\r\n42}\r\n0\r\nX-Checksum: 1\r\n\r\n");
        Assert.Equal(200, RawHttp.Status(response));
        using var json = JsonDocument.Parse(RawHttp.Body(response));
        Assert.Equal("{\"a\":42}", json.RootElement.GetProperty("text").GetString());
        Assert.False(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        server.AssertStillServing();
    }

    [Theory]
    [InlineData("webhooks/s")]
    [InlineData("v1/webhooks/s")]
    public async Task Text_media_types_arrive_as_text_and_binary_or_non_UTF_8_bodies_base64_encoded(string path)
    {
        var json = await PostAsync(path, Encoding.UTF8.GetBytes("""{"city":"Zürich"}"""), "application/json");
        Assert.False(json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("""{"city":"Zürich"}""", json.GetProperty("text").GetString());

        byte[] octets = [0, 1, 2, 0xFF, 0xFE];
        var binary = await PostAsync(path, octets, "application/octet-stream");
        Assert.True(binary.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(Sha256(octets), binary.GetProperty("sha256").GetString());
        Assert.Equal(JsonValueKind.Null, binary.GetProperty("text").ValueKind);

        // Claims to be text but is not UTF-8: it cannot be a JSON string, so it travels base64 encoded, byte for byte.
        byte[] latin1 = [0x48, 0xE9, 0x6C, 0x6C, 0xF6];
        var mislabelled = await PostAsync(path, latin1, "text/plain");
        Assert.True(mislabelled.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(Sha256(latin1), mislabelled.GetProperty("sha256").GetString());
        server.AssertStillServing();
    }

    [Fact]
    public async Task Bodies_over_API_Gateways_10_MB_get_413_without_reaching_the_function_and_10_MB_still_pass()
    {
        var limit = RandomNumberGenerator.GetBytes(PayloadLimit);
        var delivery = await PostAsync("webhooks/limit", limit, "application/octet-stream");
        Assert.Equal(PayloadLimit, delivery.GetProperty("bytes").GetInt32());
        Assert.Equal(Sha256(limit), delivery.GetProperty("sha256").GetString());

        var over = new byte[PayloadLimit + 1];
        using (var response = await Client.PostAsync("webhooks/too-big", new ByteArrayContent(over)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("""{"message":"Request Entity Too Large"}""", await response.Content.ReadAsStringAsync());
        }

        // Chunked, the length is only known while reading: the server stops at the limit instead of buffering on.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/too-big-chunked") { Content = new ByteArrayContent(over) })
        {
            request.Headers.TransferEncodingChunked = true;
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        await WaitForLogAsync("POST /webhooks/too-big-chunked -> 413 (Request Entity Too Large)");
        Assert.DoesNotContain("/webhooks/too-big -> WebhookInbox", server.Log, StringComparison.Ordinal);
        server.AssertStillServing();
    }

    [Fact]
    public async Task Request_lines_and_header_values_over_API_Gateways_10240_bytes_get_414_and_431()
    {
        using (var request = new HttpRequestMessage(HttpMethod.Get, "greetings/ada"))
        {
            request.Headers.Add("X-Padding", new string('p', 9000));
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await Client.GetAsync("greetings/" + new string('a', 11_000)))
        {
            Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
            Assert.Equal("""{"message":"Request-URI Too Long"}""", await response.Content.ReadAsStringAsync());
        }

        foreach (var padding in new[] { 6000, 100_000 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "greetings/ada");
            request.Headers.Add("X-Padding", new string('p', padding));
            request.Headers.Add("X-More-Padding", new string('p', 6000));
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
            Assert.Equal("""{"message":"Request Header Fields Too Large"}""", await response.Content.ReadAsStringAsync());
        }

        server.AssertStillServing();
    }

    [Fact]
    public async Task Percent_encoding_is_decoded_once_and_repeated_headers_and_cookies_keep_each_payload_formats_shape()
    {
        const string Head = " HTTP/1.1\r\nHost: x\r\nX-Hook-Tag: a\r\nX-Hook-Tag: b\r\nCookie: session=abc; theme=dark\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        const string Query = "?event=push%26pull&tag=a+b&tag=c%2Bd&empty=";

        // 2.0: rawPath as sent, the route value decoded; repeated headers joined with commas; cookies split out.
        var response = await RawHttp.SendAsync(Port, "POST /webhooks/git%2Fhub" + Query + Head);
        Assert.Equal(200, RawHttp.Status(response));
        Assert.Equal(
            """{"source":"git/hub","method":"POST","path":"/webhooks/git%2Fhub","contentType":null,"bytes":0,"sha256":"{sha}","isBase64Encoded":false,"text":"","headers":{"x-hook-tag":["a,b"]},"cookies":{"session":"abc","theme":"dark"},"query":{"event":["push\u0026pull"],"tag":["a b","c\u002Bd"],"empty":[""]}}"""
                .Replace("{sha}", EmptySha256, StringComparison.Ordinal),
            RawHttp.Body(response));

        // 1.0: the path decoded; each header value on its own (multiValueHeaders); cookies from the Cookie header.
        response = await RawHttp.SendAsync(Port, "POST /v1/webhooks/git%2Fhub" + Query + Head);
        Assert.Equal(200, RawHttp.Status(response));
        Assert.Equal(
            """{"source":"git/hub","method":"POST","path":"/v1/webhooks/git/hub","contentType":null,"bytes":0,"sha256":"{sha}","isBase64Encoded":false,"text":"","headers":{"x-hook-tag":["a","b"]},"cookies":{"session":"abc","theme":"dark"},"query":{"event":["push\u0026pull"],"tag":["a b","c\u002Bd"],"empty":[""]}}"""
                .Replace("{sha}", EmptySha256, StringComparison.Ordinal),
            RawHttp.Body(response));
        server.AssertStillServing();
    }

    [Fact]
    public async Task HEAD_matches_no_GET_route_as_in_API_Gateway_and_its_bodiless_answer_keeps_the_connection_in_step()
    {
        using (var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "greetings/ada")))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(23, response.Content.Headers.ContentLength);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        // HEAD then GET on one connection, any Host: the GET's answer starts right after the HEAD's headers.
        var both = await RawHttp.SendAsync(Port,
            "HEAD /greetings/ada HTTP/1.1\r\nHost: api.example.test\r\n\r\nGET /greetings/ada HTTP/1.1\r\nHost: api.example.test\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", both, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 23\r\n\r\nHTTP/1.1 200 OK\r\n", both, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"message\":\"Hello, ada!\",\"times\":1}", both, StringComparison.Ordinal);
        server.AssertStillServing();
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400, "Bad Request: malformed request line.")]
    [InlineData("GET /greetings/ada HTTP/2.0\r\n\r\n", 505, "HTTP Version Not Supported")]
    [InlineData("GET greetings/ada HTTP/1.1\r\n\r\n", 400, "Bad Request: the request target must be a path.")]
    [InlineData("GET /greetings/ada HTTP/1.1\r\nNo colon here\r\n\r\n", 400, "Bad Request: malformed header line.")]
    [InlineData("GET /greetings/ada HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n", 400, "Bad Request: obsolete header line folding.")]
    [InlineData("POST /webhooks/a HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", 400, "Bad Request: invalid Content-Length.")]
    [InlineData("POST /webhooks/a HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400, "Bad Request: invalid Content-Length.")]
    [InlineData("POST /webhooks/a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "Bad Request: Transfer-Encoding without chunked.")]
    [InlineData("POST /webhooks/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, "Bad Request: malformed chunk size.")]
    [InlineData("POST /webhooks/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", 400, "Bad Request: chunk data longer than its size.")]
    public async Task Malformed_requests_get_a_JSON_message_with_their_status_and_never_a_stack_trace(string request, int status, string message)
    {
        var response = await RawHttp.SendAsync(Port, request);

        Assert.Equal(status, RawHttp.Status(response));
        Assert.Contains("\r\nContent-Type: application/json\r\n", response, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", response, StringComparison.Ordinal);
        Assert.Equal("{\"message\":\"" + message + "\"}", RawHttp.Body(response));
        Assert.DoesNotContain("Exception", response, StringComparison.Ordinal);
        server.AssertStillServing();
    }

    [Fact]
    public async Task Clients_that_hang_up_mid_request_end_only_their_own_connection_and_reach_no_function()
    {
        await RawHttp.HangUpAfterAsync(Port, "POST /webhooks/gone HTTP/1.1\r\nHost: x\r\nContent-Len");
        await RawHttp.HangUpAfterAsync(Port, "POST /webhooks/gone HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"half\":");
        await RawHttp.HangUpAfterAsync(Port, "POST /webhooks/gone HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc");

        // A complete request whose client is gone before the answer: the function runs, the answer goes nowhere.
        await RawHttp.HangUpAfterAsync(Port, "POST /webhooks/gone HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", reset: false);

        using (var response = await Client.GetAsync("greetings/ada"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await WaitForLogAsync("POST /webhooks/gone -> WebhookInbox 200");
        Assert.Single(server.Log.Split('\n'), l => l.Contains("/webhooks/gone", StringComparison.Ordinal));
        server.AssertStillServing();
    }

    [Fact]
    public async Task Concurrent_requests_are_served_side_by_side_each_with_its_own_event()
    {
        var deliveries = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var body = Encoding.UTF8.GetBytes($$"""{"delivery":{{i}}}""");
            var delivery = await PostAsync($"webhooks/sender-{i}", body, "application/json");
            return (i, Source: delivery.GetProperty("source").GetString(), Text: delivery.GetProperty("text").GetString());
        }));

        Assert.All(deliveries, d =>
        {
            Assert.Equal($"sender-{d.i}", d.Source);
            Assert.Equal($$"""{"delivery":{{d.i}}}""", d.Text);
        });
        server.AssertStillServing();
    }

    private async Task<JsonElement> PostAsync(string path, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await SendAsync(request);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Waits for a line of the server's log (stderr is read asynchronously, so it may lag the response).</summary>
    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line with '{text}' in:\n{server.Log}");
            await Task.Delay(50);
        }
    }
}
