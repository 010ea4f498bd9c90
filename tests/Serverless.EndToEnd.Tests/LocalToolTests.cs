using System.Text.Json;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>The sample run without AWS_LAMBDA_RUNTIME_API: the generated Main is the local tool.</summary>
[Collection(SampleCollection.Name)]
public sealed class LocalToolTests
{
    [Fact]
    public async Task Without_arguments_it_lists_the_functions_with_their_settings()
    {
        var tool = await RunAsync([]);

        Assert.Equal(0, tool.Process.ExitCode);
        var lines = tool.StdoutLines;
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["Hello", "256", "MB", "10", "s"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["CreateOrder", "512", "MB", "15", "s"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["GetOrder", "256", "MB", "10", "s"]);
    }

    [Fact]
    public async Task Invoke_prints_the_response_and_nothing_else_on_stdout()
    {
        var tool = await RunAsync(["invoke", "CreateOrder", """{"product":"book","quantity":2}"""]);

        Assert.Equal(0, tool.Process.ExitCode);
        Assert.Equal("""{"id":"o-1","product":"book","quantity":2}""" + "\n", tool.Stdout);
    }

    [Fact]
    public async Task Invoke_reads_the_payload_from_stdin_with_a_dash()
    {
        var tool = await RunAsync(["invoke", "GetOrder", "-"], stdin: """{"id":"o-0"}""");

        Assert.Equal(0, tool.Process.ExitCode);
        Assert.Equal("""{"id":"o-0","product":"demo","quantity":1}""" + "\n", tool.Stdout);
    }

    [Fact]
    public async Task An_unknown_function_is_a_usage_error_without_a_stack_trace()
    {
        var tool = await RunAsync(["invoke", "Nope", "{}"]);

        Assert.Equal(2, tool.Process.ExitCode);
        Assert.Equal("", tool.Stdout);
        Assert.Equal("Unknown function 'Nope'. Known functions: CreateOrder, CreateProduct, GetGreeting, GetOrder, GetProduct, GetSettings, GetStockLevel, GetWarehouseDocument, Hello, InventoryApi, ReceiveShipment, SearchStockMovements, SetCurrency, StartStockAudit, WebhookInbox.", tool.Stderr.Trim());
    }

    [Fact]
    public async Task Invalid_json_fails_the_invocation_with_one_clear_line_and_no_stack_trace()
    {
        var tool = await RunAsync(["invoke", "Hello", "{oops"]);

        Assert.Equal(1, tool.Process.ExitCode);
        Assert.Equal("", tool.Stdout);
        var error = JsonDocument.Parse(tool.Stderr.Trim().Split('\n').Last()).RootElement;
        Assert.Equal("LambdaSerializationException", error.GetProperty("errorType").GetString());
        Assert.StartsWith("The payload could not be deserialized as HelloRequest: ", error.GetProperty("errorMessage").GetString());
        Assert.Equal(0, error.GetProperty("stackTrace").GetArrayLength());
        Assert.DoesNotContain(" at ", tool.Stderr);
    }

    [Fact]
    public async Task A_throwing_handler_exits_1_with_the_lambda_error_on_stderr()
    {
        var tool = await RunAsync(["invoke", "Hello", """{"name":""}"""]);

        Assert.Equal(1, tool.Process.ExitCode);
        var error = JsonDocument.Parse(tool.Stderr.Trim().Split('\n').Last()).RootElement;
        Assert.Equal("ArgumentException", error.GetProperty("errorType").GetString());
        Assert.Equal("Name is required. (Parameter 'request')", error.GetProperty("errorMessage").GetString());
    }

    private static async Task<LambdaProcess> RunAsync(string[] arguments, string? stdin = null)
    {
        var app = await SampleApp.GetAsync();
        return await LambdaProcess.RunToolAsync(app.Executable, arguments, stdin);
    }
}
