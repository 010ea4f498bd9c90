using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// <c>serve [--port N]</c>: the app's HTTP routes on <c>http://127.0.0.1:N/</c> (5050 by default), the way API
/// Gateway calls them (what <c>sam local start-api</c> does, without Docker). Each request becomes the 2.0 or 1.0
/// event of its route, goes through the function's handler in-process (one DI scope and context per request, the
/// function's timeout as deadline), and the response event becomes the HTTP response: status, headers, cookies,
/// base64 bodies decoded. No route: 404 <c>{"message":"Not Found"}</c>; a failed invocation: 500 (2.0) or 502 (1.0)
/// as API Gateway answers, with the error in the log on stderr. HTTP/1.x is spoken by
/// <see cref="LocalHttpConnection"/> over a loopback socket (any <c>Host</c>, chunked bodies, API Gateway's size
/// limits); connections and so invocations run concurrently, as many execution environments would, in one process.
/// Only reachable while <see cref="LocalServerFeature.IsSupported"/>, so published apps do not carry it.
/// </summary>
internal sealed class LocalHttpServer
{
    public const int DefaultPort = 5050;

    private readonly LambdaApplication _application;
    private readonly LambdaHostOptions _options;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly LambdaLogWriter _log;
    private readonly HttpRouteTable<(LambdaFunctionDefinition Function, HttpRouteDefinition Route)> _routes = new();
    private readonly Dictionary<LambdaFunctionDefinition, Task<LambdaFunctionHandler>> _handlers = [];
    private ApplicationServices? _services;

    public LocalHttpServer(LambdaApplication application, LambdaHostOptions options, TextWriter stdout, TextWriter stderr)
    {
        _application = application;
        _options = options;
        _stdout = stdout;
        _stderr = stderr;
        _log = new LambdaLogWriter(options.Stderr, LambdaLogWriter.ParseLevel(options.Environment.Get(EnvironmentVariables.LogLevel)));
    }

    public async Task<int> RunAsync(int port)
    {
        foreach (var function in _application.Functions)
        {
            foreach (var route in function?.Routes ?? [])
            {
                try
                {
                    _routes.Add(route.Method, route.Template, (function!, route));
                }
                catch (ArgumentException ex)
                {
                    _stderr.WriteLine($"Route {route} of {function!.Name} is skipped: {ex.Message}");
                }
            }
        }

        if (_routes.Entries.Count == 0)
        {
            _stderr.WriteLine("This app has no HTTP routes to serve.");
            return LocalTool.UsageError;
        }

        try
        {
            _services = ApplicationServices.Build(_application);
        }
        catch (Exception ex)
        {
            _stderr.WriteLine($"The app's services could not be built: {ex.GetType().Name}: {ex.Message}");
            return LocalTool.InvocationFailed;
        }

        var listener = new TcpListener(IPAddress.Loopback, port);
        var prefix = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
        try
        {
            listener.Start();
        }
        catch (SocketException ex)
        {
            _stderr.WriteLine($"Cannot listen on {prefix}: {ex.Message}");
            await _services.DisposeAsync().ConfigureAwait(false);
            return LocalTool.InvocationFailed;
        }

        _stdout.WriteLine($"Serving {_routes.Entries.Count} route(s) on {prefix} (Ctrl+C to stop)");
        foreach (var entry in _routes.Entries)
        {
            var format = entry.Value.Route.PayloadFormat == HttpPayloadFormat.Version2 ? "2.0" : "1.0";
            _stdout.WriteLine($"  {entry.Method,-7} {prefix.TrimEnd('/')}{entry.Template.Text}  -> {entry.Value.Function.Name} (payload {format})");
        }

        using var console = new CancellationTokenSource();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(_options.Stopping, console.Token);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            console.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var connections = new HashSet<Task>();
        try
        {
            using var registration = stopping.Token.Register(listener.Stop);
            while (!stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    // A connection reset before it was accepted, or too many open files: the listener itself is fine.
                    WriteLine($"A connection could not be accepted: {ex.Message}");
                    await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                // Connections are served concurrently, each request of one connection in turn.
                var connection = new LocalHttpConnection(client, RespondAsync, WriteLine);
                var task = Task.Run(() => connection.RunAsync(stopping.Token));
                lock (connections)
                {
                    connections.Add(task);
                }

                _ = task.ContinueWith(t =>
                {
                    lock (connections)
                    {
                        connections.Remove(t);
                    }
                }, TaskScheduler.Default);
            }

            Task[] pending;
            lock (connections)
            {
                pending = [.. connections];
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
            return LocalTool.Success;
        }
        finally
        {
            listener.Stop();
            Console.CancelKeyPress -= onCancel;
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The response to one complete request; never throws (a failure is API Gateway's 500).</summary>
    private async Task<LocalHttpResponse> RespondAsync(LocalHttpRequestHead head, byte[] body)
    {
        var started = Stopwatch.GetTimestamp();
        var target = head.Target;
        var fragment = target.IndexOf('#');
        target = fragment < 0 ? target : target[..fragment];
        var question = target.IndexOf('?');
        var rawPath = question < 0 ? target : target[..question];
        var rawQuery = question < 0 ? string.Empty : target[(question + 1)..];
        var method = head.Method.ToUpperInvariant();
        LocalHttpResponse response;
        var function = "-";
        try
        {
            var values = new HttpValueCollection();
            var match = _routes.Match(method, rawPath, decode: true, values);
            if (match.Route is not { } entry)
            {
                response = LocalHttpResponse.Message(404, "Not Found");
            }
            else
            {
                var (definition, route) = entry.Value;
                function = definition.Name;
                var request = new LocalHttpRequest(method, rawPath, rawQuery, head.Headers, body, "127.0.0.1",
                    head.Header("Host") ?? "127.0.0.1", head.Protocol);
                response = await InvokeAsync(definition, route, values, request).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _log.Write(LambdaLogLevel.Error, null, $"The local API server failed on {method} {head.Target}.", ex);
            response = LocalHttpResponse.Message(500, "Internal Server Error");
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        WriteLine($"{method} {head.Target} -> {function} {response.StatusCode} ({elapsed.ToString("0", CultureInfo.InvariantCulture)} ms)");
        return response;
    }

    /// <summary>One line on stderr (connections write from many threads; the writer is not thread-safe).</summary>
    private void WriteLine(string line)
    {
        lock (_stderr)
        {
            _stderr.WriteLine(line);
        }
    }

    private async Task<LocalHttpResponse> InvokeAsync(LambdaFunctionDefinition function, HttpRouteDefinition route,
        HttpValueCollection routeValues, LocalHttpRequest request)
    {
        LambdaFunctionHandler handler;
        try
        {
            handler = await GetHandler(function).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.Write(LambdaLogLevel.Critical, null, $"Init of function '{function.Name}' failed.", ex);
            return LocalHttpResponse.GatewayError(route.PayloadFormat);
        }

        var requestId = Guid.NewGuid().ToString();
        var payload = HttpRequestEventWriter.Write(request, route, routeValues, requestId, DateTimeOffset.UtcNow);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(LambdaFunctionInfo.Defaults.Timeout(function));
        var lambdaContext = new LambdaContext(LambdaFunctionInfo.ForLocalRun(function), _log, requestId, deadline,
            "arn:aws:lambda:local:000000000000:function:" + function.Name);
        using var cancellation = InvocationCancellation.Create(deadline, _options.DeadlineMargin);
        var scope = _services!.CreateScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var result = await handler(new LambdaInvocation(payload, lambdaContext, scope.ServiceProvider, cancellation.Token))
                    .ConfigureAwait(false);
                try
                {
                    ReadOnlyMemory<byte> bytes;
                    if (result.Stream is { } stream)
                    {
                        using var copy = new MemoryStream();
                        await stream.CopyToAsync(copy).ConfigureAwait(false);
                        bytes = copy.ToArray();
                    }
                    else
                    {
                        Utf8JsonWriter? writer = null;
                        bytes = result.GetBytes(new ArrayBufferWriter<byte>(), ref writer).ToArray();
                        writer?.Dispose();
                    }

                    return LocalHttpResponse.Read(bytes, route.PayloadFormat);
                }
                finally
                {
                    result.Dispose();
                }
            }
            catch (Exception ex)
            {
                var error = ErrorReport.Unwrap(ex);
                _log.Write(LambdaLogLevel.Error, requestId, $"Invocation failed: {error.GetType().Name}: {error.Message}", ex);
                return LocalHttpResponse.GatewayError(route.PayloadFormat);
            }
        }
    }

    /// <summary>The function's handler, created once (a failed init is retried on the next request).</summary>
    private Task<LambdaFunctionHandler> GetHandler(LambdaFunctionDefinition function)
    {
        lock (_handlers)
        {
            if (!_handlers.TryGetValue(function, out var task) || task.IsFaulted)
            {
                task = Task.Run(async () =>
                {
                    if (function.EnvironmentReferences.Count > 0)
                    {
                        // As the invoke command does: resolved when an extension endpoint answers; set variables win.
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                        await EnvironmentReferenceResolver.ResolveAsync(function.EnvironmentReferences, _options.Environment,
                            local: true, timeout.Token).ConfigureAwait(false);
                    }

                    return function.Create(_services!.Root)
                        ?? throw new InvalidOperationException($"The function '{function.Name}' created no handler.");
                });
                _handlers[function] = task;
            }

            return task;
        }
    }
}
