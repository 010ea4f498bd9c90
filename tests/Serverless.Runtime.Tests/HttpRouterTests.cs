using System.Text.Json;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

public sealed class HttpRouterTests
{
    private static HttpRouteHandler Named(string name) => (request, _) =>
        ValueTask.FromResult<IHttpResult>(HttpResults.Text(name + " " + string.Join(",", request.RouteValues.Select(v => v.Key + "=" + v.Value))));

    private static HttpRouter Router() => new HttpRouter()
        .Map("GET", "/orders/{id}", Named("get"))
        .Map("DELETE", "/orders/{id}", Named("delete"))
        .Map("GET", "/orders/latest", Named("latest"))
        .Map("POST", "/orders", Named("create"))
        .Map("GET", "/files/{path+}", Named("files"))
        .Map("ANY", "/{proxy+}", Named("fallback"))
        .Map("GET", "/a/{x}/c", Named("axc"))
        .Map("GET", "/a/b/{y}", Named("aby"));

    private static async Task<JsonElement> Run(HttpRouter router, byte[] payload, CapturedStream? logs = null) =>
        HttpTestKit.Parse(await HttpFunction.InvokeAsync(HttpTestKit.Invocation(payload, logs), router, HttpTestJson.Default.Options));

    [Theory]
    [InlineData("GET", "/orders/42", "get id=42")]
    [InlineData("GET", "/orders/latest", "latest ")]
    [InlineData("DELETE", "/orders/7/", "delete id=7")]
    [InlineData("POST", "/orders", "create ")]
    [InlineData("GET", "/files/docs/2024/report.pdf", "files path=docs/2024/report.pdf")]
    [InlineData("PATCH", "/anything/else", "fallback proxy=anything/else")]
    [InlineData("GET", "/a/b/c", "aby y=c")]
    [InlineData("GET", "/orders/caf%C3%A9", "get id=café")]
    public async Task Routes_match_by_segments_with_literals_first_and_greedy_last(string method, string path, string expected)
    {
        var response = await Run(Router(), HttpTestKit.V2(method, path));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal(expected, response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task No_matching_path_is_a_404_problem()
    {
        var router = new HttpRouter().Map("GET", "/orders/{id}", Named("get"));

        var response = await Run(router, HttpTestKit.V2("GET", "/customers/1"));

        Assert.Equal(404, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var problem = HttpTestKit.Body(response);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_path_served_for_other_methods_is_a_405_with_Allow()
    {
        var router = new HttpRouter()
            .Map("GET", "/orders/{id}", Named("get"))
            .Map("DELETE", "/orders/{id}", Named("delete"))
            .Map("PUT", "/orders/{id}", Named("put"));

        var response = await Run(router, HttpTestKit.V2("POST", "/orders/1"));

        Assert.Equal(405, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("GET, DELETE, PUT", response.GetProperty("headers").GetProperty("Allow").GetString());
        Assert.Equal("Method Not Allowed", HttpTestKit.Body(response).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_greedy_route_needs_at_least_one_segment()
    {
        var router = new HttpRouter().Map("GET", "/files/{path+}", Named("files"));

        var response = await Run(router, HttpTestKit.V2("GET", "/files"));

        Assert.Equal(404, response.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task API_Gateways_route_key_is_used_when_it_names_a_route()
    {
        var router = new HttpRouter().Map("GET", "/orders/{id}", Named("get")).Map("GET", "/orders/latest", Named("latest"));
        var payload = HttpTestKit.V2("GET", "/custom-base/orders/9", routeKey: "GET /orders/{id}",
            pathParameters: new Dictionary<string, string> { ["id"] = "9" });

        var response = await Run(router, payload);

        Assert.Equal("get id=9", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_named_stage_prefix_is_not_part_of_the_route()
    {
        var response = await Run(Router(), HttpTestKit.V2("GET", "/dev/orders/5", stage: "dev"));

        Assert.Equal("get id=5", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task REST_events_route_by_resource_and_answer_in_the_1_0_shape()
    {
        var router = new HttpRouter().Map("PUT", "/orders/{id}", (request, _) =>
        {
            var errors = new BindingErrors();
            var id = HttpBinder.Parse<int>(request.RouteValues["id"], "id", errors);
            var body = HttpBinder.Body(request, HttpTestJson.Default.NewOrder, errors, required: false);
            return ValueTask.FromResult<IHttpResult>(HttpResults.Ok(id + ":" + body?.Quantity).WithCookie("seen", "1"));
        });

        var response = await Run(router, HttpTestKit.Event("rest-api.json"));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("\"42:3\"", response.GetProperty("body").GetString());
        Assert.Equal("seen=1", response.GetProperty("multiValueHeaders").GetProperty("Set-Cookie")[0].GetString());
        Assert.False(response.TryGetProperty("cookies", out _));
    }

    [Fact]
    public async Task REST_events_behind_a_proxy_resource_match_the_path()
    {
        var payload = HttpTestKit.V1("GET", "/orders/8", "/{proxy+}", pathParameters: new Dictionary<string, string> { ["proxy"] = "orders/8" });

        var response = await Run(Router(), payload);

        Assert.Equal("get id=8", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_with_the_request_id_and_nothing_else()
    {
        var logs = new CapturedStream();
        var router = new HttpRouter().Map("GET", "/boom", (_, _) => throw new InvalidOperationException("secret connection string"));

        var response = await Run(router, HttpTestKit.V2("GET", "/boom"), logs);

        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var body = response.GetProperty("body").GetString()!;
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpTestKit.LambdaRequestId, problem.GetProperty("requestId").GetString());
        Assert.Equal(["type", "title", "status", "requestId"], problem.EnumerateObject().Select(p => p.Name));

        var log = JsonDocument.Parse(logs.Lines.Single()).RootElement;
        Assert.Equal("Error", log.GetProperty("level").GetString());
        Assert.Equal(HttpTestKit.LambdaRequestId, log.GetProperty("requestId").GetString());
        Assert.Equal("secret connection string", log.GetProperty("errorMessage").GetString());
        Assert.NotEmpty(log.GetProperty("stackTrace").EnumerateArray());
    }

    [Fact]
    public async Task Async_exceptions_and_result_serialization_failures_are_500_too()
    {
        var router = new HttpRouter()
            .Map("GET", "/async", async (_, _) =>
            {
                await Task.Yield();
                throw new TimeoutException("db");
            })
            .Map("GET", "/unknown-type", (_, _) => ValueTask.FromResult<IHttpResult>(HttpResults.Ok(new Greeting("not in the context"))));

        Assert.Equal(500, (await Run(router, HttpTestKit.V2("GET", "/async"))).GetProperty("statusCode").GetInt32());
        Assert.Equal(500, (await Run(router, HttpTestKit.V2("GET", "/unknown-type"))).GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_single_route_function_uses_the_events_path_parameters()
    {
        HttpRouteHandler handler = (request, _) => ValueTask.FromResult<IHttpResult>(HttpResults.Text(request.RouteValues["id"]!));
        var payload = HttpTestKit.V2("GET", "/orders/3", routeKey: "GET /orders/{id}", pathParameters: new Dictionary<string, string> { ["id"] = "3" });

        var response = HttpTestKit.Parse(await HttpFunction.InvokeAsync(HttpTestKit.Invocation(payload), handler));

        Assert.Equal("3", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_payload_that_is_not_an_event_fails_the_invocation()
    {
        HttpRouteHandler handler = (_, _) => ValueTask.FromResult<IHttpResult>(HttpResults.Ok());

        await Assert.ThrowsAsync<LambdaSerializationException>(async () =>
            await HttpFunction.InvokeAsync(HttpTestKit.Invocation("{}"u8.ToArray()), handler));
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("/a/{p+}/b")]
    [InlineData("/a/{}")]
    [InlineData("/a/x{id}")]
    [InlineData("/a/{id}/{id}")]
    public void Invalid_templates_are_refused(string template) =>
        Assert.Throws<ArgumentException>(() => new HttpRouter().Map("GET", template, Named("x")));

    [Fact]
    public void The_same_route_twice_is_refused_and_routes_list_in_precedence_order()
    {
        var router = new HttpRouter().Map("get", "/x/{id}", Named("a")).Map("GET", "/x/new", Named("b"));

        Assert.Throws<ArgumentException>(() => router.Map("GET", "/x/{id}", Named("c")));
        Assert.Equal(["GET /x/new", "GET /x/{id}"], router.Routes.Select(r => r.ToString()));
    }
}
