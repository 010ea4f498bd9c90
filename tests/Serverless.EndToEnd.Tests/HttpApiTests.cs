using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>The sample's [HttpApi] route over real HTTP, through the local API server (<c>serve --port N</c>).</summary>
[Collection(SampleCollection.Name)]
public sealed class HttpApiTests
{
    [Fact]
    public async Task A_good_request_gets_the_typed_result_and_every_mistake_is_listed_in_one_400()
    {
        var app = await SampleApp.GetAsync();
        var port = FreePort();
        await using var server = LambdaProcess.StartTool(app.Executable, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilListeningAsync(client, server);

        using (var ok = await client.GetAsync("greetings/ada?times=2&loud=true"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("application/json", ok.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"message":"HELLO, ADA!","times":2}""", await ok.Content.ReadAsStringAsync());
        }

        using (var bad = await client.GetAsync("greetings/ada?times=abc&loud=maybe"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            var errors = problem.GetProperty("errors");
            Assert.Equal(["times", "loud"], errors.EnumerateObject().Select(p => p.Name));
            Assert.Equal("The value 'abc' is not valid for times.", errors.GetProperty("times")[0].GetString());
            Assert.Equal("The value 'maybe' is not valid for loud.", errors.GetProperty("loud")[0].GetString());
        }

        using (var invalid = await client.GetAsync("greetings/" + new string('a', 21) + "?times=9"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Equal("The field name must be a string with a maximum length of 20.", errors.GetProperty("name")[0].GetString());
            Assert.Equal("The field times must be between 1 and 5.", errors.GetProperty("times")[0].GetString());
        }

        using (var defaults = await client.GetAsync("greetings/bob"))
        {
            Assert.Equal("""{"message":"Hello, bob!","times":1}""", await defaults.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_template_gives_the_route_an_HttpApi_event()
    {
        var app = await SampleApp.GetAsync();
        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(app.TemplatePath))!;
        var events = template["Resources"]!["GetGreeting"]!["Properties"]!["Events"]!;

        Assert.Equal("HttpApi", events["GetGreetingsName"]!["Type"]!.GetValue<string>());
        Assert.Equal("GET", events["GetGreetingsName"]!["Properties"]!["Method"]!.GetValue<string>());
        Assert.Equal("/greetings/{name}", events["GetGreetingsName"]!["Properties"]!["Path"]!.GetValue<string>());
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitUntilListeningAsync(HttpClient client, LambdaProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (server.Process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {server.Process.ExitCode}:\n{server.Stderr}");
            }

            try
            {
                using var _ = await client.GetAsync("__ready");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
