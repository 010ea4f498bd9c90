using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.TestHost;

/// <summary>
/// Serves the Lambda Runtime API (<c>2018-06-01</c>) on 127.0.0.1 at a free port, the way Lambda does for a
/// custom runtime: <c>GET /invocation/next</c> long-polls for an enqueued invocation, the app posts its response
/// or error, and init errors are recorded. Point an app at it with
/// <c>AWS_LAMBDA_RUNTIME_API=</c><see cref="RuntimeApi"/>.
/// </summary>
public sealed class RuntimeApiTestHost : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<InitErrorReport> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<InvocationResult> _results = new();
    private WebApplication? _app;
    private int _nextRequests;
    private int _disposed;

    private RuntimeApiTestHost()
    {
    }

    /// <summary>The port the host listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:PORT</c>.</summary>
    public string RuntimeApi => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Completes with what the app posted to <c>/init/error</c>.</summary>
    public Task<InitErrorReport> InitError => _initError.Task;

    /// <summary>
    /// Completes with the <see cref="Stopwatch.GetTimestamp"/> of the first <c>GET /invocation/next</c>
    /// (the end of the app's init, for cold-start measurements).
    /// </summary>
    public Task<long> FirstNext => _firstNext.Task;

    /// <summary>How many <c>GET /invocation/next</c> requests arrived.</summary>
    public int NextRequestCount => Volatile.Read(ref _nextRequests);

    /// <summary>
    /// The largest response body accepted, as Lambda's 6 MB limit for buffered responses (6,291,556 bytes);
    /// a larger one is answered with 413 and the invocation stays open for an error.
    /// </summary>
    public int ResponseSizeLimit { get; set; } = 6_291_556;

    /// <summary>Every result received so far, in order of arrival.</summary>
    public IReadOnlyList<InvocationResult> Results => _results.ToArray();

    /// <summary>Starts a host on a free port of 127.0.0.1.</summary>
    public static async Task<RuntimeApiTestHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var host = new RuntimeApiTestHost();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        app.MapGet(Prefix + "/invocation/next", host.NextAsync);
        app.MapPost(Prefix + "/invocation/{requestId}/response", (HttpContext c, string requestId) => host.ResultAsync(c, requestId, isError: false));
        app.MapPost(Prefix + "/invocation/{requestId}/error", (HttpContext c, string requestId) => host.ResultAsync(c, requestId, isError: true));
        app.MapPost(Prefix + "/init/error", host.InitErrorAsync);
        app.MapGet("/__warmup", WarmupAsync);
        app.MapPost("/__warmup/{id}", (HttpContext c, string id) => WarmupAsync(c));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        host.Port = new Uri(address).Port;
        host._app = app;
        await host.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Queues an invocation; the task completes when the app posts its response or error.</summary>
    public Task<InvocationResult> Enqueue(TestInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = new Pending(invocation);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The host is stopping.");
        }

        return pending.Result.Task;
    }

    /// <summary>Queues an invocation and waits for its result (30 s by default).</summary>
    public async Task<InvocationResult> InvokeAsync(TestInvocation invocation, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var result = Enqueue(invocation);
        return await result.WaitAsync(timeout ?? TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues an invocation with a UTF-8 payload and waits for its result (30 s by default).</summary>
    public Task<InvocationResult> InvokeAsync(string payload, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(new TestInvocation(payload), timeout, cancellationToken);

    /// <summary>Stops serving; pending long-polls end with 503 and unanswered invocations are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        while (_queue.Reader.TryRead(out var queued))
        {
            queued.Result.TrySetCanceled();
        }

        foreach (var pending in _inFlight.Values)
        {
            pending.Result.TrySetCanceled();
        }

        _initError.TrySetCanceled();
        _firstNext.TrySetCanceled();
        _stopping.Dispose();
    }

    /// <summary>
    /// Sends a request of each shape through the server once, so that the first request of the app under test
    /// does not pay for the host's own JIT (cold-start measurements time the app, not the host).
    /// </summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://" + RuntimeApi) };
        using var get = await client.GetAsync("/__warmup", cancellationToken).ConfigureAwait(false);
        using var content = new ByteArrayContent("{}"u8.ToArray());
        using var post = await client.PostAsync("/__warmup/id", content, cancellationToken).ConfigureAwait(false);
        using var unknown = await client.PostAsync(Prefix + "/invocation/warmup/response", new ByteArrayContent([]), cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task WarmupAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = "warmup";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task NextAsync(HttpContext context)
    {
        var timestamp = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _nextRequests);
        _firstNext.TrySetResult(timestamp);

        Pending pending;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
        {
            try
            {
                pending = await _queue.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                }

                return;
            }
        }

        var invocation = pending.Invocation;
        pending.DeliveredTimestamp = Stopwatch.GetTimestamp();
        _inFlight[invocation.RequestId] = pending;

        var deadline = invocation.Deadline ?? DateTimeOffset.UtcNow + invocation.Timeout;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        if (invocation.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        if (invocation.ClientContext is not null)
        {
            headers["Lambda-Runtime-Client-Context"] = invocation.ClientContext;
        }

        if (invocation.CognitoIdentity is not null)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = invocation.CognitoIdentity;
        }

        foreach (var (name, value) in invocation.Headers)
        {
            headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Payload.Length;
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ResultAsync(HttpContext context, string requestId, bool isError)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var received = Stopwatch.GetTimestamp();
        if (!isError && body.Length > ResponseSizeLimit && _inFlight.ContainsKey(requestId))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsync(
                $"{{\"errorMessage\":\"Exceeded maximum allowed payload size ({ResponseSizeLimit} bytes).\",\"errorType\":\"RequestEntityTooLarge\"}}")
                .ConfigureAwait(false);
            return;
        }

        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(
                "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}").ConfigureAwait(false);
            return;
        }

        var result = new InvocationResult
        {
            RequestId = requestId,
            IsError = isError,
            Body = body,
            ErrorType = isError ? (string?)context.Request.Headers["Lambda-Runtime-Function-Error-Type"] : null,
            ContentType = context.Request.ContentType,
            DeliveredTimestamp = pending.DeliveredTimestamp,
            ReceivedTimestamp = received,
        };
        _results.Enqueue(result);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("{\"status\":\"OK\"}").ConfigureAwait(false);
        pending.Result.TrySetResult(result);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var report = new InitErrorReport(body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"], Stopwatch.GetTimestamp());
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsync("{\"status\":\"OK\"}").ConfigureAwait(false);
        _initError.TrySetResult(report);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private sealed class Pending(TestInvocation invocation)
    {
        public TestInvocation Invocation { get; } = invocation;

        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long DeliveredTimestamp { get; set; }
    }
}
