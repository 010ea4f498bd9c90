using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

/// <summary>The local API server over real HTTP on 127.0.0.1 (one server for the class, a few requests per test).</summary>
public sealed class LocalServerTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CapturedStream _stdout = new();
    private readonly CapturedStream _stderr = new();
    private Task<int>? _server;
    private HttpClient _client = null!;

    private static LambdaApplication App()
    {
        var orders = new HttpRouter()
            .Map("GET", "/orders/{id}", (request, _) =>
            {
                var errors = new BindingErrors();
                var id = HttpBinder.Parse<Guid>(request.RouteValues["id"], "id", errors);
                var lines = HttpBinder.ParseOptional(request.Query["lines"], "lines", errors, false);
                if (errors.HasErrors)
                {
                    return ValueTask.FromResult<IHttpResult>(errors.ToResult());
                }

                return ValueTask.FromResult<IHttpResult>(HttpResults.Ok(new Order(id, lines ? "with lines" : "tea", 1))
                    .WithHeader("X-Tags", "a").WithHeader("X-Tags", "b")
                    .WithCookie("last", id.ToString(), new HttpCookieOptions
                    {
                        Expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
                        HttpOnly = true,
                        Path = "/",
                    })
                    .WithCookie("theme", "dark"));
            })
            .Map("POST", "/orders", (request, _) =>
            {
                var errors = new BindingErrors();
                var order = HttpBinder.Body(request, HttpTestJson.Default.NewOrder, errors);
                if (order is not null)
                {
                    HttpValidation.Range(order.Quantity, 1, 10, "quantity", errors);
                    HttpValidation.EmailAddress(order.Email, "email", errors);
                }

                if (errors.HasErrors)
                {
                    return ValueTask.FromResult<IHttpResult>(errors.ToResult());
                }

                var created = new Order(Guid.Parse("00000000-0000-0000-0000-000000000007"), order!.Product, order.Quantity);
                return ValueTask.FromResult<IHttpResult>(HttpResults.Created("/orders/" + created.Id, created));
            })
            .Map("GET", "/orders/boom", (_, _) => throw new InvalidOperationException("hidden"));

        var files = new HttpRouter()
            .Map("GET", "/files/{path+}", (request, _) =>
                ValueTask.FromResult<IHttpResult>(HttpResults.Text(request.RouteValues["path"]!)))
            .Map("POST", "/echo", (request, _) => ValueTask.FromResult<IHttpResult>(
                HttpResults.Bytes(request.Body.ToArray(), request.ContentType ?? "application/octet-stream")));

        HttpRouteHandler legacy = (request, _) => ValueTask.FromResult<IHttpResult>(HttpResults.Text(
            $"{request.PayloadFormat} {request.RouteValues["id"]} {string.Join("|", request.Query.GetValues("tag"))} " +
            $"{request.Headers["X-Custom"]} {request.Cookies["session"]} {request.RouteKey}"));

        return new LambdaApplication(
        [
            new LambdaFunctionDefinition("Orders", _ => invocation => HttpFunction.InvokeAsync(invocation, orders, HttpTestJson.Default.Options))
            {
                Routes = [new("GET", "/orders/{id}"), new("POST", "/orders"), new("GET", "/orders/boom")],
            },
            new LambdaFunctionDefinition("Files", _ => invocation => HttpFunction.InvokeAsync(invocation, files))
            {
                Routes = [new("GET", "/files/{path+}"), new("POST", "/echo")],
            },
            new LambdaFunctionDefinition("Legacy", _ => invocation => HttpFunction.InvokeAsync(invocation, legacy))
            {
                Routes = [new("ANY", "/legacy/{id}", HttpPayloadFormat.Version1)],
            },
            new LambdaFunctionDefinition("Crash", _ => _ => throw new InvalidOperationException("not even HTTP"))
            {
                Routes = [new("GET", "/crash"), new("GET", "/crash-rest", HttpPayloadFormat.Version1)],
            },
            new LambdaFunctionDefinition("Raw", _ => _ => ValueTask.FromResult(LambdaResponse.FromUtf8("""{"inferred":true}"""u8.ToArray())))
            {
                Routes = [new("GET", "/raw")],
            },
            Functions.Echo(),
        ]);
    }

    public async Task InitializeAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(new Dictionary<string, string?>()),
            Stdout = _stdout,
            Stderr = _stderr,
            Stdin = new MemoryStream(),
            Stopping = _stop.Token,
        };
        _server = Task.Run(() => LambdaHost.RunAsync(["serve", "--port", port.ToString()], App(), options));
        _client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(20),
        };

        var started = DateTime.UtcNow;
        while (!_stdout.Text.Contains("Serving"))
        {
            if (_server.IsCompleted || DateTime.UtcNow - started > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException("The server did not start: " + _stderr.Text);
            }

            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        _client.Dispose();
        Assert.Equal(0, await _server!.WaitAsync(TimeSpan.FromSeconds(20)));
        _stop.Dispose();
    }

    [Fact]
    public async Task It_lists_its_routes_when_it_starts()
    {
        Assert.Contains("Serving 9 route(s) on http://127.0.0.1:", _stdout.Text);
        Assert.Contains("/orders/{id}  -> Orders (payload 2.0)", _stdout.Text);
        Assert.Contains("/legacy/{id}  -> Legacy (payload 1.0)", _stdout.Text);
    }

    [Fact]
    public async Task A_GET_returns_json_headers_and_separate_cookies()
    {
        using var response = await _client.GetAsync("orders/7a4f3b1e-0000-4000-8000-000000000001?lines=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("with lines", order.GetProperty("product").GetString());
        Assert.Equal("a, b", string.Join(", ", response.Headers.GetValues("X-Tags")));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.Equal("last=7a4f3b1e-0000-4000-8000-000000000001; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Path=/; HttpOnly", cookies[0]);
        Assert.Equal("theme=dark", cookies[1]);
    }

    [Fact]
    public async Task A_POST_binds_the_body_and_answers_201_with_location()
    {
        using var response = await _client.PostAsync("orders",
            new StringContent("""{"product":"tea","quantity":2}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/orders/00000000-0000-0000-0000-000000000007", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Several_mistakes_come_back_as_one_400_problem()
    {
        using var badBody = await _client.PostAsync("orders",
            new StringContent("""{"product":"tea","quantity":50,"email":"nope"}""", Encoding.UTF8, "application/json"));
        using var badRoute = await _client.GetAsync("orders/not-a-guid?lines=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Equal("application/problem+json", badBody.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await badBody.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["quantity", "email"], errors.EnumerateObject().Select(p => p.Name));
        var routeErrors = JsonDocument.Parse(await badRoute.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["id", "lines"], routeErrors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Greedy_paths_and_binary_bodies_round_trip()
    {
        using var text = await _client.GetAsync("files/a/b%20c/d.txt");
        byte[] bytes = [0, 1, 2, 0xFE, 0xFF];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var echo = await _client.PostAsync("echo", content);

        Assert.Equal("a/b c/d.txt", await text.Content.ReadAsStringAsync());
        Assert.Equal("image/png", echo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await echo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task REST_routes_get_the_1_0_event()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "legacy/9?tag=a&tag=b");
        request.Headers.Add("X-Custom", "yes");
        request.Headers.Add("Cookie", "session=s1; other=2");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Version1 9 a|b yes s1 /legacy/{id}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_routes_are_API_Gateways_404_and_in_function_errors_a_500_problem()
    {
        using var missing = await _client.GetAsync("nowhere");
        using var wrongMethod = await _client.PutAsync("orders", new StringContent(""));
        using var boom = await _client.GetAsync("orders/boom");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, boom.StatusCode);
        var body = await boom.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hidden", body);
        Assert.Equal("An unexpected error occurred.", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.Contains("hidden", _stderr.Text);
    }

    [Fact]
    public async Task A_failed_invocation_is_the_gateways_500_or_502()
    {
        using var httpApi = await _client.GetAsync("crash");
        using var restApi = await _client.GetAsync("crash-rest");

        Assert.Equal(HttpStatusCode.InternalServerError, httpApi.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await httpApi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadGateway, restApi.StatusCode);
        Assert.Contains("not even HTTP", _stderr.Text);
    }

    [Fact]
    public async Task A_2_0_response_without_a_status_code_is_inferred_as_200_json()
    {
        using var response = await _client.GetAsync("raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"inferred":true}""", await response.Content.ReadAsStringAsync());
    }
}

public sealed class LocalServerCommandTests
{
    private static async Task<(int ExitCode, string Stderr)> RunAsync(LambdaApplication app, params string[] args)
    {
        var stderr = new CapturedStream();
        var options = new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(new Dictionary<string, string?>()),
            Stdout = new CapturedStream(),
            Stderr = stderr,
            Stdin = new MemoryStream(),
        };
        var exitCode = await LambdaHost.RunAsync(args, app, options);
        return (exitCode, stderr.Text);
    }

    [Fact]
    public async Task An_app_without_routes_has_nothing_to_serve()
    {
        var (exitCode, stderr) = await RunAsync(Functions.App(Functions.Echo()), "serve");

        Assert.Equal(2, exitCode);
        Assert.Contains("no HTTP routes", stderr);
    }

    [Theory]
    [InlineData("serve", "--port")]
    [InlineData("serve", "--port", "70000")]
    [InlineData("serve", "--verbose")]
    public async Task Bad_serve_options_are_usage_errors(params string[] args)
    {
        var (exitCode, stderr) = await RunAsync(Functions.App(Functions.Echo()), args);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", stderr);
    }

    [Fact]
    public void The_feature_switch_is_on_unless_set_off() => Assert.True(LocalServerFeature.IsSupported);

    [Fact]
    public void The_trimming_substitution_is_embedded()
    {
        using var stream = typeof(LambdaHost).Assembly.GetManifestResourceStream("ILLink.Substitutions.xml");

        Assert.NotNull(stream);
        var xml = new StreamReader(stream!).ReadToEnd();
        Assert.Contains("Serverless.Runtime.Http.LocalServerFeature", xml);
        Assert.Contains($"feature=\"{LocalServerFeature.SwitchName}\"", xml);
    }

    [Fact]
    public void Route_definitions_are_normalized_and_default_to_none()
    {
        var route = new HttpRouteDefinition("get", "/orders//{id}/");

        Assert.Equal("GET /orders/{id}", route.ToString());
        Assert.Equal(HttpPayloadFormat.Version2, route.PayloadFormat);
        Assert.Empty(Functions.Echo().Routes);
    }
}
