using System.Text;
using System.Text.Json;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

public sealed class HttpResultTests
{
    private static readonly Order Sample = new(Guid.Parse("7a4f3b1e-0000-4000-8000-000000000001"), "tea", 2);

    [Fact]
    public void Ok_with_a_value_is_200_json_in_the_2_0_shape()
    {
        var response = HttpTestKit.Render(HttpResults.Ok(Sample));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json; charset=utf-8", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("""{"id":"7a4f3b1e-0000-4000-8000-000000000001","product":"tea","quantity":2}""",
            response.GetProperty("body").GetString());
        Assert.False(response.TryGetProperty("cookies", out _));
    }

    [Fact]
    public void Ok_with_type_info_needs_no_options()
    {
        var bytes = HttpResponseWriter.Write(HttpResults.Ok(Sample, HttpTestJson.Default.Order), HttpPayloadFormat.Version2, null);

        Assert.Contains("\\\"product\\\":\\\"tea\\\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Primitive_values_need_no_metadata_and_a_missing_type_says_so()
    {
        Assert.Equal("\"hi\"", HttpTestKit.Render(HttpResults.Ok("hi")).GetProperty("body").GetString());
        Assert.Equal("42", HttpTestKit.Render(HttpResults.Ok(42), options: null).GetProperty("body").GetString());
        Assert.Throws<InvalidOperationException>(() =>
            HttpResponseWriter.Write(HttpResults.Ok(Sample), HttpPayloadFormat.Version2, null));
        Assert.Throws<NotSupportedException>(() => HttpTestKit.Render(HttpResults.Ok(new Greeting("x"))));
    }

    [Fact]
    public void Created_and_Accepted_carry_the_location()
    {
        var created = HttpTestKit.Render(HttpResults.Created("/orders/1", Sample));
        var accepted = HttpTestKit.Render(HttpResults.Accepted("/jobs/9"));

        Assert.Equal(201, created.GetProperty("statusCode").GetInt32());
        Assert.Equal("/orders/1", created.GetProperty("headers").GetProperty("Location").GetString());
        Assert.Equal(202, accepted.GetProperty("statusCode").GetInt32());
        Assert.Equal("/jobs/9", accepted.GetProperty("headers").GetProperty("Location").GetString());
        Assert.False(accepted.TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData(204)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(200)]
    public void Results_without_a_body_have_no_body_and_no_content_type(int status)
    {
        var result = status switch
        {
            204 => HttpResults.NoContent(),
            400 => HttpResults.BadRequest(),
            404 => HttpResults.NotFound(),
            409 => HttpResults.Conflict(),
            _ => HttpResults.Ok(),
        };

        var response = HttpTestKit.Render(result);

        Assert.Equal(status, response.GetProperty("statusCode").GetInt32());
        Assert.False(response.TryGetProperty("body", out _));
        Assert.False(response.TryGetProperty("headers", out _));
    }

    [Fact]
    public void NotFound_Conflict_and_BadRequest_with_values()
    {
        Assert.Equal(404, HttpTestKit.Render(HttpResults.NotFound(Sample)).GetProperty("statusCode").GetInt32());
        Assert.Equal("tea", HttpTestKit.Body(HttpTestKit.Render(HttpResults.Conflict(Sample))).GetProperty("product").GetString());
        Assert.Equal("tea", HttpTestKit.Body(HttpTestKit.Render(HttpResults.BadRequest(Sample, HttpTestJson.Default.Order)))
            .GetProperty("product").GetString());
    }

    [Fact]
    public void BadRequest_with_a_problem_is_problem_json_with_defaults()
    {
        var response = HttpTestKit.Render(HttpResults.BadRequest(new HttpProblemDetails { Detail = "Stock is empty." }));

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var body = HttpTestKit.Body(response);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", body.GetProperty("type").GetString());
        Assert.Equal("Bad Request", body.GetProperty("title").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("Stock is empty.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public void Problem_writes_every_member_extensions_and_errors()
    {
        var result = HttpResults.Problem("went wrong", "/orders/1", 422, "Invalid order", "https://example.com/probs/order",
            new Dictionary<string, object?> { ["orderId"] = 7, ["tags"] = new[] { "a", "b" }, ["order"] = Sample, ["none"] = null },
            new Dictionary<string, string[]> { ["quantity"] = ["too many"] });

        var response = HttpTestKit.Render(result);
        var body = HttpTestKit.Body(response);

        Assert.Equal(422, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("https://example.com/probs/order", body.GetProperty("type").GetString());
        Assert.Equal("Invalid order", body.GetProperty("title").GetString());
        Assert.Equal(422, body.GetProperty("status").GetInt32());
        Assert.Equal("went wrong", body.GetProperty("detail").GetString());
        Assert.Equal("/orders/1", body.GetProperty("instance").GetString());
        Assert.Equal("too many", body.GetProperty("errors").GetProperty("quantity")[0].GetString());
        Assert.Equal(7, body.GetProperty("orderId").GetInt32());
        Assert.Equal("b", body.GetProperty("tags")[1].GetString());
        Assert.Equal("tea", body.GetProperty("order").GetProperty("product").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Problem_defaults_to_500()
    {
        var body = HttpTestKit.Body(HttpTestKit.Render(HttpResults.Problem()));

        Assert.Equal(500, body.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", body.GetProperty("type").GetString());
    }

    [Fact]
    public void Text_keeps_its_content_type_and_unicode()
    {
        var response = HttpTestKit.Render(HttpResults.Text("<p>héllo \"you\"</p>", "text/html; charset=utf-8"));

        Assert.Equal("text/html; charset=utf-8", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("<p>héllo \"you\"</p>", response.GetProperty("body").GetString());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void Bytes_are_base64_encoded_in_both_formats()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF];
        foreach (var format in new[] { HttpPayloadFormat.Version2, HttpPayloadFormat.Version1 })
        {
            var response = HttpTestKit.Render(HttpResults.Bytes(png, "image/png"), format);

            Assert.True(response.GetProperty("isBase64Encoded").GetBoolean());
            Assert.Equal(png, Convert.FromBase64String(response.GetProperty("body").GetString()!));
            Assert.Equal("image/png", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        }
    }

    [Theory]
    [InlineData(false, false, 302)]
    [InlineData(true, false, 301)]
    [InlineData(false, true, 307)]
    [InlineData(true, true, 308)]
    public void Redirects(bool permanent, bool preserveMethod, int status)
    {
        var response = HttpTestKit.Render(HttpResults.Redirect("https://example.com/x", permanent, preserveMethod));

        Assert.Equal(status, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("https://example.com/x", response.GetProperty("headers").GetProperty("Location").GetString());
    }

    [Fact]
    public void Headers_repeat_and_cookies_go_to_the_cookies_array_in_2_0()
    {
        var result = HttpResults.Ok("x")
            .WithHeader("X-Tag", "a").WithHeader("x-tag", "b").WithHeader("Cache-Control", "no-store")
            .WithCookie("session", "abc", new HttpCookieOptions { HttpOnly = true, Secure = true, SameSite = HttpSameSite.Lax, Path = "/" })
            .WithCookie("theme", "dark");

        var response = HttpTestKit.Render(result);

        var headers = response.GetProperty("headers");
        Assert.Equal("a, b", headers.GetProperty("X-Tag").GetString());
        Assert.Equal("no-store", headers.GetProperty("Cache-Control").GetString());
        Assert.Equal(["session=abc; Path=/; Secure; HttpOnly; SameSite=Lax", "theme=dark"],
            response.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void In_1_0_single_headers_stay_single_and_repeats_and_cookies_are_multi_value()
    {
        var result = HttpResults.Text("x").WithHeader("X-Tag", "a").WithHeader("X-Tag", "b")
            .WithCookie("a", "1").WithCookie("b", "2");

        var response = HttpTestKit.Render(result, HttpPayloadFormat.Version1);

        var headers = response.GetProperty("headers");
        var multi = response.GetProperty("multiValueHeaders");
        Assert.Equal("text/plain; charset=utf-8", headers.GetProperty("Content-Type").GetString());
        Assert.False(headers.TryGetProperty("X-Tag", out _));
        Assert.Equal(["a", "b"], multi.GetProperty("X-Tag").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["a=1", "b=2"], multi.GetProperty("Set-Cookie").EnumerateArray().Select(v => v.GetString()));
        Assert.False(multi.TryGetProperty("Content-Type", out _));
        Assert.False(response.TryGetProperty("cookies", out _));
    }

    [Fact]
    public void A_content_type_header_wins_over_the_bodys()
    {
        var response = HttpTestKit.Render(HttpResults.Ok(Sample).WithHeader("Content-Type", "application/vnd.order+json"));

        Assert.Equal("application/vnd.order+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Fact]
    public void Cookie_attributes_are_formatted_as_RFC_6265_says()
    {
        var value = HttpCookieOptions.Format("id", "a b;c", new HttpCookieOptions
        {
            Domain = "example.com",
            Path = "/app",
            MaxAge = TimeSpan.FromHours(1),
            Expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            Secure = true,
            HttpOnly = true,
            SameSite = HttpSameSite.Strict,
        });

        Assert.Equal("id=a%20b%3Bc; Expires=Wed, 02 Jan 2030 01:04:05 GMT; Max-Age=3600; Domain=example.com; Path=/app; Secure; HttpOnly; SameSite=Strict", value);
        Assert.Equal("x=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/", HttpResults.Ok().WithExpiredCookie("x", "/").Cookies[0]);
        Assert.Equal("n=v; SameSite=None", HttpCookieOptions.Format("n", "v", new HttpCookieOptions { SameSite = HttpSameSite.None }));
    }

    [Theory]
    [InlineData("bad name", "v")]
    [InlineData("X-Ok", "line\r\nInjected: yes")]
    [InlineData("", "v")]
    public void Header_injection_and_bad_names_are_refused(string name, string value) =>
        Assert.ThrowsAny<ArgumentException>(() => HttpResults.Ok().WithHeader(name, value));

    [Fact]
    public void Bad_cookie_names_and_attributes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => HttpResults.Ok().WithCookie("a=b", "v"));
        Assert.Throws<ArgumentException>(() => HttpResults.Ok().WithCookie("a", "v", new HttpCookieOptions { Path = "/;x" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HttpResults.StatusCode(99));
    }

    [Fact]
    public void A_set_cookie_header_is_a_cookie()
    {
        var result = HttpResults.Ok().WithHeader("Set-Cookie", "a=1");

        Assert.Empty(result.Headers);
        Assert.Equal(["a=1"], result.Cookies);
    }

    [Fact]
    public void User_results_implement_the_interface_without_the_runtime_types()
    {
        var response = HttpTestKit.Render(new CsvResult("a,b\n1,2"));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("text/csv", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("attachment", response.GetProperty("headers").GetProperty("Content-Disposition").GetString());
        Assert.Equal("a,b\n1,2", response.GetProperty("body").GetString());
    }

    private sealed class CsvResult(string csv) : IHttpResult
    {
        public int StatusCode => 200;

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = [new("Content-Disposition", "attachment")];

        public IReadOnlyList<string> Cookies => [];

        public void WriteBody(HttpBodyWriter body) => body.WriteText(csv, "text/csv");
    }
}
