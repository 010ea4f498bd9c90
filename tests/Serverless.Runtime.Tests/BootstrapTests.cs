using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.TestHost;

namespace Serverless.Runtime.Tests;

public sealed class BootstrapTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Posts_the_serialized_response()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet(), Functions.Echo()), "Greet");

        var result = await harness.Host.InvokeAsync("""{"name":"Ada"}""", Wait);

        Assert.False(result.IsError);
        Assert.Equal("""{"message":"Hello, Ada!","length":3}""", result.BodyText);
    }

    [Fact]
    public async Task Selects_the_function_named_by_HANDLER()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet(), Functions.Echo()), "Echo");

        var result = await harness.Host.InvokeAsync("""{"anything": [1, 2]}""", Wait);

        Assert.Equal("""{"anything": [1, 2]}""", result.BodyText);
    }

    [Fact]
    public async Task Serves_invocations_one_after_another_with_payloads_of_any_size()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Echo()), "Echo");
        var big = "\"" + new string('x', 200_000) + "\"";

        foreach (var payload in new[] { "1", big, "\"small\"", "" })
        {
            var result = await harness.Host.InvokeAsync(payload, Wait);
            Assert.False(result.IsError);
            Assert.Equal(payload, result.BodyText);
        }
    }

    [Fact]
    public async Task A_throwing_handler_is_reported_and_the_loop_keeps_serving()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet()), "Greet");

        var failed = await harness.Host.InvokeAsync("""{"name":"fail"}""", Wait);
        var next = await harness.Host.InvokeAsync("""{"name":"Bo"}""", Wait);
        var failedAgain = await harness.Host.InvokeAsync("""{"name":"fail"}""", Wait);

        Assert.True(failed.IsError);
        Assert.Equal("InvalidOperationException", failed.ErrorType);
        using var error = JsonDocument.Parse(failed.Body);
        Assert.Equal("InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("boom", error.RootElement.GetProperty("errorMessage").GetString());
        var frames = error.RootElement.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.NotEmpty(frames);
        Assert.Contains(frames, f => f.StartsWith("at ", StringComparison.Ordinal) && f.Contains(nameof(Functions.Greet)));
        Assert.Equal(["errorType", "errorMessage", "stackTrace"], error.RootElement.EnumerateObject().Select(p => p.Name));

        Assert.False(next.IsError);
        Assert.Equal("""{"message":"Hello, Bo!","length":2}""", next.BodyText);
        Assert.True(failedAgain.IsError);
    }

    [Fact]
    public async Task A_handler_exception_is_logged_with_its_stack_trace_and_request_id()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet()), "Greet");

        var failed = await harness.Host.InvokeAsync(new TestInvocation("""{"name":"fail"}""") { RequestId = "req-fail" }, Wait);

        var line = harness.Stdout.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.GetProperty("level").GetString() == "Error");
        Assert.Equal("req-fail", line.GetProperty("requestId").GetString());
        Assert.Equal("InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.NotEqual(0, line.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task A_serialization_error_has_an_empty_stack_trace_but_the_log_has_details()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet()), "Greet");

        var result = await harness.Host.InvokeAsync("{not json", Wait);
        var next = await harness.Host.InvokeAsync("""{"name":"Cy"}""", Wait);

        Assert.True(result.IsError);
        Assert.Equal("LambdaSerializationException", result.ErrorType);
        using var error = JsonDocument.Parse(result.Body);
        Assert.Equal("LambdaSerializationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.StartsWith("The payload could not be deserialized as Greeting: ", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(0, error.RootElement.GetProperty("stackTrace").GetArrayLength());
        Assert.Contains(harness.Stdout.Lines, l => l.Contains("\"errorType\":\"LambdaSerializationException\"") && l.Contains("\"at "));
        Assert.False(next.IsError);
    }

    [Fact]
    public async Task Wrapped_exceptions_are_unwrapped()
    {
        var app = Functions.App(
            Functions.From("Aggregate", _ => throw new AggregateException(new ArgumentException("bad argument"))),
            Functions.From("Reflection", _ => throw new System.Reflection.TargetInvocationException(new TimeoutException("slow"))),
            Functions.From("Async", async invocation =>
            {
                await Task.Yield();
                throw new FormatException("late");
            }));
        await using var harness = await BootstrapHarness.StartAsync(app, "Aggregate");
        var aggregate = await harness.Host.InvokeAsync("{}", Wait);
        Assert.Equal("ArgumentException", aggregate.ErrorType);
        Assert.Contains("\"errorMessage\":\"bad argument\"", aggregate.BodyText);

        await using var reflection = await BootstrapHarness.StartAsync(app, "Reflection");
        Assert.Equal("TimeoutException", (await reflection.Host.InvokeAsync("{}", Wait)).ErrorType);

        await using var asynchronous = await BootstrapHarness.StartAsync(app, "Async");
        Assert.Equal("FormatException", (await asynchronous.Host.InvokeAsync("{}", Wait)).ErrorType);
    }

    [Fact]
    public async Task The_context_carries_the_headers_and_the_environment()
    {
        LambdaInvocation? seen = null;
        TimeSpan remaining = default;
        var app = Functions.App(Functions.From("Ctx", invocation =>
        {
            seen = invocation;
            remaining = invocation.Context.RemainingTime;
            return ValueTask.FromResult(LambdaResponse.Empty);
        }));
        await using var harness = await BootstrapHarness.StartAsync(app, "Ctx");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);

        var result = await harness.Host.InvokeAsync(new TestInvocation("{}")
        {
            RequestId = "req-42",
            Deadline = deadline,
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:Ctx:prod",
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
            ClientContext = """{"client":{"app_title":"t"}}""",
            CognitoIdentity = """{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}""",
        }, Wait);

        Assert.False(result.IsError);
        Assert.Empty(result.Body);
        var context = seen!.Context;
        Assert.Equal("req-42", context.AwsRequestId);
        Assert.Equal(deadline.ToUnixTimeMilliseconds(), context.Deadline.ToUnixTimeMilliseconds());
        Assert.InRange(remaining, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:Ctx:prod", context.InvokedFunctionArn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", context.TraceId);
        Assert.Equal("""{"client":{"app_title":"t"}}""", context.ClientContext);
        Assert.Equal("""{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}""", context.CognitoIdentity);
        Assert.Equal("Ctx", context.FunctionName);
        Assert.Equal("7", context.FunctionVersion);
        Assert.Equal(512, context.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/Ctx", context.LogGroupName);
        Assert.Equal("2024/01/01/[7]abc", context.LogStreamName);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", harness.Environment["_X_AMZN_TRACE_ID"]);
    }

    [Fact]
    public async Task A_missing_trace_header_clears_the_trace_variable()
    {
        var app = Functions.App(Functions.Text("T", i => i.Context.TraceId ?? "none"));
        await using var harness = await BootstrapHarness.StartAsync(app, "T");

        await harness.Host.InvokeAsync(new TestInvocation("{}") { TraceId = "Root=1-a" }, Wait);
        Assert.Equal("Root=1-a", harness.Environment["_X_AMZN_TRACE_ID"]);
        var result = await harness.Host.InvokeAsync(new TestInvocation("{}"), Wait);

        Assert.Equal("none", result.BodyText);
        Assert.False(harness.Environment.ContainsKey("_X_AMZN_TRACE_ID"));
    }

    [Fact]
    public async Task The_cancellation_token_fires_before_the_deadline()
    {
        var app = Functions.App(Functions.From("Slow", async invocation =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, invocation.CancellationToken);
                return LambdaResponse.FromUtf8("\"not cancelled\""u8.ToArray());
            }
            catch (OperationCanceledException)
            {
                // Measured here, not in a token registration: callbacks run last-registered first, so Task.Delay's
                // own would complete this await before a registration made earlier had written anything.
                var left = invocation.Context.Deadline - DateTimeOffset.UtcNow;
                return LambdaResponse.FromUtf8(System.Text.Encoding.UTF8.GetBytes(((long)left.TotalMilliseconds).ToString()));
            }
        }));
        await using var harness = await BootstrapHarness.StartAsync(app, "Slow");

        var result = await harness.Host.InvokeAsync(new TestInvocation("{}") { Timeout = TimeSpan.FromSeconds(5) }, Wait);

        Assert.False(result.IsError);
        var leftMs = long.Parse(result.BodyText);
        Assert.InRange(leftMs, 1, 600); // fired before the deadline, about 500 ms ahead of it
        Assert.True(result.Duration < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Log_lines_are_json_and_carry_the_request_id()
    {
        var app = Functions.App(Functions.From("Log", invocation =>
        {
            invocation.Context.Logger.LogInformation("hello \"world\" <ü>");
            invocation.Context.Logger.LogDebug("hidden");
            invocation.Context.Logger.LogWarning("careful");
            return ValueTask.FromResult(LambdaResponse.Empty);
        }));
        await using var harness = await BootstrapHarness.StartAsync(app, "Log");

        await harness.Host.InvokeAsync(new TestInvocation("{}") { RequestId = "req-log" }, Wait);

        var lines = harness.Stdout.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        var info = lines[0];
        Assert.Equal(["timestamp", "level", "requestId", "message"], info.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Information", info.GetProperty("level").GetString());
        Assert.Equal("req-log", info.GetProperty("requestId").GetString());
        Assert.Equal("hello \"world\" <ü>", info.GetProperty("message").GetString());
        Assert.True(info.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.EndsWith("Z", info.GetProperty("timestamp").GetString());
        Assert.Equal("Warning", lines[1].GetProperty("level").GetString());
    }

    [Fact]
    public async Task The_log_level_variable_sets_the_minimum()
    {
        var app = Functions.App(Functions.From("Log", invocation =>
        {
            invocation.Context.Logger.LogInformation("dropped");
            invocation.Context.Logger.LogDebug("dropped too");
            invocation.Context.Logger.LogError("kept");
            return ValueTask.FromResult(LambdaResponse.Empty);
        }));
        await using var harness = await BootstrapHarness.StartAsync(app, "Log",
            new Dictionary<string, string?> { ["AWS_LAMBDA_LOG_LEVEL"] = "WARN" });

        await harness.Host.InvokeAsync("{}", Wait);

        var line = Assert.Single(harness.Stdout.Lines);
        Assert.Contains("\"message\":\"kept\"", line);
    }

    [Fact]
    public async Task Unknown_handler_posts_an_init_error_naming_the_handlers()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Greet(), Functions.Echo()), "Nope");

        var init = await harness.Host.InitError.WaitAsync(Wait);
        var exitCode = await harness.Run.WaitAsync(Wait);

        Assert.Equal(1, exitCode);
        Assert.Equal("Runtime.HandlerNotFound", init.ErrorType);
        using var error = JsonDocument.Parse(init.Body);
        Assert.Equal("Runtime.HandlerNotFound", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("No function named 'Nope' (from _HANDLER). Known handlers: Greet, Echo.",
            error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(0, error.RootElement.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal(0, harness.Host.NextRequestCount);
    }

    [Fact]
    public async Task An_exception_from_Create_posts_an_init_error()
    {
        var app = Functions.App(new LambdaFunctionDefinition("Broken",
            _ => throw new InvalidOperationException("cannot start")));
        await using var harness = await BootstrapHarness.StartAsync(app, "Broken");

        var init = await harness.Host.InitError.WaitAsync(Wait);

        Assert.Equal(1, await harness.Run.WaitAsync(Wait));
        Assert.Equal("InvalidOperationException", init.ErrorType);
        using var error = JsonDocument.Parse(init.Body);
        Assert.Equal("cannot start", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.RootElement.GetProperty("stackTrace").GetArrayLength());
        Assert.Contains(harness.Stdout.Lines, l => l.Contains("\"level\":\"Critical\""));
    }

    [Fact]
    public async Task An_exception_from_configure_services_posts_an_init_error()
    {
        var app = new LambdaApplication([Functions.Echo()], _ => throw new NotSupportedException("no services"));
        await using var harness = await BootstrapHarness.StartAsync(app, "Echo");

        var init = await harness.Host.InitError.WaitAsync(Wait);

        Assert.Equal(1, await harness.Run.WaitAsync(Wait));
        Assert.Equal("NotSupportedException", init.ErrorType);
    }

    [Fact]
    public async Task Services_are_built_once_with_a_scope_per_invocation()
    {
        var creates = 0;
        var app = new LambdaApplication(
            [new LambdaFunctionDefinition("Di", root =>
            {
                Interlocked.Increment(ref creates);
                var singleton = root.GetRequiredService<Counter>();
                return invocation =>
                {
                    var scoped = invocation.Services.GetRequiredService<ScopedThing>();
                    var text = $"\"{singleton.Next()}:{scoped.Id}:{ReferenceEquals(root, invocation.Services)}\"";
                    return ValueTask.FromResult(LambdaResponse.FromUtf8(System.Text.Encoding.UTF8.GetBytes(text)));
                };
            })],
            services => services.AddSingleton<Counter>().AddScoped<ScopedThing>());
        await using var harness = await BootstrapHarness.StartAsync(app, "Di");

        var first = (await harness.Host.InvokeAsync("{}", Wait)).BodyText.Trim('"').Split(':');
        var second = (await harness.Host.InvokeAsync("{}", Wait)).BodyText.Trim('"').Split(':');

        Assert.Equal(1, creates);
        Assert.Equal(["1", "2"], new[] { first[0], second[0] });
        Assert.NotEqual(first[1], second[1]);
        Assert.Equal("False", first[2]);
        Assert.Equal(2, ScopedThing.Disposed(first[1]) + ScopedThing.Disposed(second[1]));
    }

    [Fact]
    public async Task Without_services_the_invocation_gets_an_empty_provider()
    {
        var app = Functions.App(Functions.Text("Empty", i =>
            $"\"{i.Services.GetService(typeof(Counter)) is null}:{i.Services.GetService(typeof(IServiceProvider)) is not null}\""));
        await using var harness = await BootstrapHarness.StartAsync(app, "Empty");

        Assert.Equal("\"True:True\"", (await harness.Host.InvokeAsync("{}", Wait)).BodyText);
    }

    [Fact]
    public async Task Stream_and_empty_responses_are_sent_raw()
    {
        var disposed = new TaskCompletionSource();
        var app = Functions.App(
            Functions.From("Stream", _ => ValueTask.FromResult(LambdaResponse.FromStream(
                new NotifyingStream("streamed body"u8.ToArray(), disposed)))),
            Functions.From("Nothing", _ => ValueTask.FromResult(LambdaResponse.Empty)));
        await using var harness = await BootstrapHarness.StartAsync(app, "Stream");

        var result = await harness.Host.InvokeAsync("{}", Wait);

        Assert.Equal("streamed body", result.BodyText);
        await disposed.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_failing_response_stream_becomes_an_error_and_the_loop_goes_on()
    {
        var app = Functions.App(Functions.From("Stream", invocation => ValueTask.FromResult(
            invocation.Payload.Span.SequenceEqual("\"bad\""u8)
                ? LambdaResponse.FromStream(new FailingStream())
                : LambdaResponse.FromStream(new MemoryStream("fine"u8.ToArray())))));
        await using var harness = await BootstrapHarness.StartAsync(app, "Stream");

        var failed = await harness.Host.InvokeAsync("\"bad\"", Wait);
        var fine = await harness.Host.InvokeAsync("{}", Wait);

        Assert.Equal("IOException", failed.ErrorType);
        Assert.Equal("fine", fine.BodyText);
    }

    [Fact]
    public async Task A_response_the_runtime_api_rejects_becomes_an_error()
    {
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(Functions.Echo()), "Echo");
        harness.Host.ResponseSizeLimit = 1000;

        var tooLarge = await harness.Host.InvokeAsync("\"" + new string('x', 2000) + "\"", Wait);
        var small = await harness.Host.InvokeAsync("\"x\"", Wait);

        Assert.True(tooLarge.IsError);
        Assert.Contains("413", tooLarge.BodyText);
        Assert.Equal("\"x\"", small.BodyText);
    }

    [Fact]
    public async Task A_response_that_cannot_be_serialized_becomes_an_error()
    {
        var app = Functions.App(Functions.From("Bad", _ =>
            ValueTask.FromResult(LambdaResponse.FromJson(new Reply("x", 1), BrokenInfo()))));
        await using var harness = await BootstrapHarness.StartAsync(app, "Bad");

        var result = await harness.Host.InvokeAsync("{}", Wait);
        var again = await harness.Host.InvokeAsync("{}", Wait);

        Assert.True(result.IsError);
        Assert.Equal("NotSupportedException", result.ErrorType);
        Assert.True(again.IsError);
    }

    [Fact]
    public async Task The_loop_stops_with_non_zero_when_the_runtime_api_goes_away()
    {
        var host = await RuntimeApiTestHost.StartAsync();
        var stdout = new CapturedStream();
        var variables = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = host.RuntimeApi,
            ["_HANDLER"] = "Echo",
        };
        var run = LambdaHost.RunAsync([], Functions.App(Functions.Echo()), new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(variables),
            Stdout = stdout,
            Stderr = Stream.Null,
            Stdin = Stream.Null,
        });
        Assert.Equal("1", (await host.InvokeAsync("1", Wait)).BodyText);

        await host.DisposeAsync();

        Assert.Equal(1, await run.WaitAsync(Wait));
        Assert.Contains(stdout.Lines, l => l.Contains("\"level\":\"Critical\""));
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<Reply> BrokenInfo() =>
        System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<Reply>(
            new JsonSerializerOptions { TypeInfoResolver = TestJson.Default }, new ThrowingConverter());

    private sealed class ThrowingConverter : System.Text.Json.Serialization.JsonConverter<Reply>
    {
        public override Reply Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("cannot read Reply");

        public override void Write(Utf8JsonWriter writer, Reply value, JsonSerializerOptions options) =>
            throw new NotSupportedException("cannot write Reply");
    }

    private sealed class Counter
    {
        private int _value;

        public int Next() => Interlocked.Increment(ref _value);
    }

    private sealed class ScopedThing : IDisposable
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> DisposedIds = new();

        public string Id { get; } = Guid.NewGuid().ToString("N");

        public static int Disposed(string id) => DisposedIds.TryGetValue(id, out var count) ? count : 0;

        public void Dispose() => DisposedIds.AddOrUpdate(Id, 1, (_, c) => c + 1);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("stream broke");
    }

    private sealed class NotifyingStream(byte[] bytes, TaskCompletionSource disposed) : MemoryStream(bytes)
    {
        protected override void Dispose(bool disposing)
        {
            disposed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
