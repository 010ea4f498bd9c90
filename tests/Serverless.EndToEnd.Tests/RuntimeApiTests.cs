using System.Text.Json;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The built sample as Lambda runs it: a child process with AWS_LAMBDA_RUNTIME_API pointing at the test host,
/// one process per function (_HANDLER), several invocations each, errors included, the process serving on.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class RuntimeApiTests
{
    [Fact]
    public async Task Hello_answers_fails_on_a_bad_name_and_on_malformed_json_and_keeps_serving()
    {
        await using var run = await StartAsync("Hello");

        await run.AssertResponseAsync("""{"name":"Ada"}""", "req-hello-1", """{"message":"Hello, Ada!","requestId":"req-hello-1"}""");
        await run.AssertHandlerErrorAsync("""{"name":" "}""", "ArgumentException", "Name is required. (Parameter 'request')", "HelloLambda.Greeter.Hello");
        await run.AssertSerializationErrorAsync("""{"name":""", "The payload could not be deserialized as HelloRequest: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. Path: $.name | LineNumber: 0 | BytePositionInLine: 8.");
        await run.AssertSerializationErrorAsync("""{"nom":"Ada"}""", "The payload could not be deserialized as HelloRequest: JSON deserialization for type 'HelloLambda.HelloRequest' was missing required properties including: 'name'.");
        await run.AssertResponseAsync("""{"name":"Grace"}""", "req-hello-2", """{"message":"Hello, Grace!","requestId":"req-hello-2"}""");

        // The handler's log line is structured JSON carrying the request id.
        var log = await run.WaitForLogAsync("Greeting Grace");
        Assert.Equal("req-hello-2", log.GetProperty("requestId").GetString());
        Assert.Equal("Information", log.GetProperty("level").GetString());
    }

    [Fact]
    public async Task CreateOrder_keeps_its_instance_and_services_across_invocations_and_errors()
    {
        await using var run = await StartAsync("CreateOrder");

        await run.AssertResponseAsync("""{"product":"book","quantity":2}""", "req-order-1", """{"id":"o-1","product":"book","quantity":2}""");
        await run.AssertHandlerErrorAsync("""{"product":"book","quantity":0}""", "InvalidOperationException", "Quantity must be positive, got 0.", "HelloLambda.OrderFunctions.Create");
        await run.AssertSerializationErrorAsync("""[1,2]""", "The payload could not be deserialized as NewOrder: The JSON value could not be converted to HelloLambda.NewOrder. Path: $ | LineNumber: 0 | BytePositionInLine: 1.");
        await run.AssertSerializationErrorAsync("""{"product":null,"quantity":1}""", "The payload could not be deserialized as NewOrder: The constructor parameter 'Product' on type 'HelloLambda.NewOrder' doesn't allow null values. Consider updating its nullability annotation. Path: $.product | LineNumber: 0 | BytePositionInLine: 15.");
        // The same store (one instance per execution environment) numbers the next order o-2.
        await run.AssertResponseAsync("""{"product":"pen","quantity":5}""", "req-order-2", """{"id":"o-2","product":"pen","quantity":5}""");
    }

    [Fact]
    public async Task GetOrder_finds_fails_for_a_missing_order_and_on_malformed_json_and_keeps_serving()
    {
        await using var run = await StartAsync("GetOrder");

        await run.AssertResponseAsync("""{"id":"o-0"}""", "req-get-1", """{"id":"o-0","product":"demo","quantity":1}""");
        await run.AssertHandlerErrorAsync("""{"id":"o-9"}""", "KeyNotFoundException", "Order 'o-9' was not found.", "HelloLambda.OrderFunctions.Get");
        await run.AssertSerializationErrorAsync("not json", "The payload could not be deserialized as OrderQuery: 'not json' is an invalid JSON literal. Expected the literal 'null'. Path: $ | LineNumber: 0 | BytePositionInLine: 1.");
        await run.AssertSerializationErrorAsync("null", "The payload is null, but the handler's OrderQuery parameter does not accept null.");
        await run.AssertResponseAsync("""{"id":"o-0"}""", "req-get-2", """{"id":"o-0","product":"demo","quantity":1}""");
    }

    [Fact]
    public async Task An_unknown_handler_is_an_init_error_naming_the_known_ones()
    {
        var app = await SampleApp.GetAsync();
        await using var host = await RuntimeApiTestHost.StartAsync();
        await using var process = LambdaProcess.StartRuntime(app.Executable, host, "Nope");

        var init = await host.InitError.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Runtime.HandlerNotFound", init.ErrorType);
        Assert.Equal(
            """{"errorType":"Runtime.HandlerNotFound","errorMessage":"No function named 'Nope' (from _HANDLER). Known handlers: CreateOrder, CreateProduct, GetGreeting, GetOrder, GetProduct, GetSettings, GetStockLevel, GetWarehouseDocument, Hello, InventoryApi, ReceiveShipment, SearchStockMovements, SetCurrency, StartStockAudit, WebhookInbox.","stackTrace":[]}""",
            init.BodyText);
        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<FunctionRun> StartAsync(string function)
    {
        var app = await SampleApp.GetAsync();
        var host = await RuntimeApiTestHost.StartAsync();
        var process = LambdaProcess.StartRuntime(app.Executable, host, function);
        return new FunctionRun(host, process);
    }

    /// <summary>One function's process and its host, with assertions that also check the process is still up.</summary>
    private sealed class FunctionRun(RuntimeApiTestHost host, LambdaProcess process) : IAsyncDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        // The runtime writes errors as Lambda does, without escaping quotes and other HTML-sensitive characters.
        private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public async Task AssertResponseAsync(string payload, string requestId, string expectedBody)
        {
            var result = await host.InvokeAsync(new TestInvocation(payload) { RequestId = requestId }, Timeout);
            Assert.False(result.IsError, result.ToString());
            Assert.Equal(expectedBody, result.BodyText);
            AssertStillServing();
        }

        public async Task AssertHandlerErrorAsync(string payload, string errorType, string errorMessage, string frame)
        {
            var error = await InvokeErrorAsync(payload, errorType);
            Assert.Equal(errorMessage, error.GetProperty("errorMessage").GetString());
            var stackTrace = error.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToArray();
            Assert.Contains(stackTrace, f => f.StartsWith("at " + frame + "(", StringComparison.Ordinal));
            Assert.Equal(["errorType", "errorMessage", "stackTrace"], error.EnumerateObject().Select(p => p.Name));
        }

        public async Task AssertSerializationErrorAsync(string payload, string errorMessage)
        {
            var error = await InvokeErrorAsync(payload, "LambdaSerializationException");
            Assert.Equal(
                JsonSerializer.Serialize(new { errorType = "LambdaSerializationException", errorMessage, stackTrace = Array.Empty<string>() }, RelaxedJson),
                error.GetRawText());
        }

        public async Task<JsonElement> WaitForLogAsync(string message)
        {
            for (var i = 0; i < 100; i++)
            {
                foreach (var line in process.StdoutLines.Where(l => l.StartsWith('{')))
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.TryGetProperty("message", out var text) && text.GetString() == message)
                    {
                        return document.RootElement.Clone();
                    }
                }

                await Task.Delay(50);
            }

            throw new Xunit.Sdk.XunitException($"No log line '{message}' in:\n{process.Stdout}");
        }

        private async Task<JsonElement> InvokeErrorAsync(string payload, string errorType)
        {
            var result = await host.InvokeAsync(new TestInvocation(payload), Timeout);
            Assert.True(result.IsError, result.ToString());
            Assert.Equal(errorType, result.ErrorType);
            using var document = JsonDocument.Parse(result.Body);
            Assert.Equal(errorType, document.RootElement.GetProperty("errorType").GetString());
            AssertStillServing();
            return document.RootElement.Clone();
        }

        private void AssertStillServing() =>
            Assert.False(process.Process.HasExited, $"The app exited:\n{process.Stdout}\n{process.Stderr}");

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            await host.DisposeAsync();
        }
    }
}
