using System.Text;
using System.Text.Json;

namespace Serverless.Runtime.Tests;

public sealed class LocalToolTests
{
    private static LambdaApplication App() => Functions.App(
        Functions.Greet(memorySize: 256, timeout: 10),
        Functions.Echo(),
        Functions.Text("Context", i =>
            $"\"{i.Context.FunctionName}|{i.Context.MemoryLimitInMB}|{(int)Math.Round(i.Context.RemainingTime.TotalSeconds)}|{Guid.TryParse(i.Context.AwsRequestId, out _)}\""),
        Functions.From("Logs", i =>
        {
            i.Context.Logger.LogInformation("to stderr");
            return ValueTask.FromResult(LambdaResponse.FromUtf8("\"ok\""u8.ToArray()));
        }));

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string? stdin = null)
    {
        var stdout = new CapturedStream();
        var stderr = new CapturedStream();
        var options = new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(new Dictionary<string, string?>()),
            Stdout = stdout,
            Stderr = stderr,
            Stdin = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)),
        };
        var exitCode = await LambdaHost.RunAsync(args, App(), options);
        return (exitCode, stdout.Text, stderr.Text);
    }

    [Fact]
    public async Task No_arguments_lists_the_functions_and_the_usage()
    {
        var (exitCode, stdout, stderr) = await RunAsync([]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n');
        Assert.Equal("FUNCTION  MEMORY  TIMEOUT", lines[0]);
        Assert.Equal("Greet     256 MB     10 s", lines[1]);
        Assert.Equal("Echo      128 MB      3 s", lines[2]);
        Assert.Contains("invoke <function> [json]", stdout);
    }

    [Fact]
    public async Task The_list_shows_every_route_a_function_serves()
    {
        var api = new LambdaFunctionDefinition("Api", _ => _ => ValueTask.FromResult(LambdaResponse.Empty))
        {
            Routes =
            [
                new Http.HttpRouteDefinition("GET", "/items/{sku}"),
                new Http.HttpRouteDefinition("delete", "/items/{sku}"),
                new Http.HttpRouteDefinition("GET", "/v1/items/{sku}", Http.HttpPayloadFormat.Version1),
            ],
        };
        var stdout = new CapturedStream();
        var options = new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(new Dictionary<string, string?>()),
            Stdout = stdout,
            Stderr = new CapturedStream(),
            Stdin = new MemoryStream(),
        };

        Assert.Equal(0, await LambdaHost.RunAsync([], Functions.App(api, Functions.Echo()), options));
        var lines = stdout.Text.Split('\n');
        Assert.Equal("Api       128 MB      3 s", lines[1]);
        Assert.Equal("  GET     /items/{sku}  HTTP API", lines[2]);
        Assert.Equal("  DELETE  /items/{sku}  HTTP API", lines[3]);
        Assert.Equal("  GET     /v1/items/{sku}  REST API", lines[4]);
        Assert.Equal("Echo      128 MB      3 s", lines[5]);
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var (exitCode, stdout, _) = await RunAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage:", stdout);
    }

    [Fact]
    public async Task Invoke_prints_only_the_response_on_stdout()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["invoke", "Greet", """{"name":"Ada"}"""]);

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"message":"Hello, Ada!","length":3}""", stdout);
        var log = JsonDocument.Parse(stderr.Trim()).RootElement;
        Assert.Equal("greeting Ada", log.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invoke_without_a_payload_sends_an_empty_object()
    {
        var (exitCode, stdout, _) = await RunAsync(["invoke", "Echo"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("{}", stdout);
    }

    [Fact]
    public async Task Invoke_with_a_dash_reads_the_payload_from_stdin()
    {
        var (exitCode, stdout, _) = await RunAsync(["invoke", "Echo", "-"], """{"from":"stdin"}""");

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"from":"stdin"}""", stdout);
    }

    [Fact]
    public async Task Invoke_builds_a_local_context_from_the_definition()
    {
        var (exitCode, stdout, _) = await RunAsync(["invoke", "Context"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("\"Context|128|3|True\"", stdout);
    }

    [Fact]
    public async Task Logs_go_to_stderr()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["invoke", "Logs"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("\"ok\"", stdout);
        Assert.Contains("\"message\":\"to stderr\"", stderr);
        Assert.Contains("\"requestId\":", stderr);
    }

    [Fact]
    public async Task Invalid_json_prints_a_one_line_error_without_a_stack_trace()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["invoke", "Greet", "{not json"]);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var error = JsonDocument.Parse(line).RootElement;
        Assert.Equal("LambdaSerializationException", error.GetProperty("errorType").GetString());
        Assert.StartsWith("The payload could not be deserialized as Greeting:", error.GetProperty("errorMessage").GetString());
        Assert.Equal(0, error.GetProperty("stackTrace").GetArrayLength());
        Assert.DoesNotContain(" at ", stderr);
    }

    [Fact]
    public async Task A_failing_handler_prints_the_lambda_error_and_exits_1()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["invoke", "Greet", """{"name":"fail"}"""]);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        var error = JsonDocument.Parse(stderr.Trim()).RootElement;
        Assert.Equal("InvalidOperationException", error.GetProperty("errorType").GetString());
        Assert.Equal("boom", error.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_function_lists_the_known_ones_and_exits_2()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["invoke", "Nope", "{}"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("Unknown function 'Nope'. Known functions: Greet, Echo, Context, Logs.\n", stderr);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_and_exits_2()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["deploy"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("Unknown command 'deploy'.\nUsage:", stderr);
    }

    [Fact]
    public async Task Invoke_without_a_function_exits_2()
    {
        var (exitCode, _, stderr) = await RunAsync(["invoke"]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("invoke needs a function name.", stderr);
    }

    [Fact]
    public async Task An_init_failure_prints_the_error_and_exits_1()
    {
        var app = Functions.App(new LambdaFunctionDefinition("Broken", _ => throw new InvalidOperationException("no init")));
        var stderr = new CapturedStream();
        var exitCode = await LambdaHost.RunAsync(["invoke", "Broken"], app, new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(new Dictionary<string, string?>()),
            Stdout = Stream.Null,
            Stderr = stderr,
            Stdin = Stream.Null,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("\"errorMessage\":\"no init\"", stderr.Text);
    }
}
