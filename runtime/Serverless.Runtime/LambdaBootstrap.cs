using System.Buffers;
using System.Text.Json;

namespace Serverless.Runtime;

/// <summary>
/// The custom-runtime loop: init (services, the function named by <c>_HANDLER</c>, its handler), then
/// next -> invoke in a DI scope -> response or error, forever. A throwing handler never stops the loop.
/// </summary>
internal sealed class LambdaBootstrap
{
    /// <summary>The <c>errorType</c> of the init error when <c>_HANDLER</c> names no function.</summary>
    public const string HandlerNotFound = "Runtime.HandlerNotFound";

    private readonly LambdaApplication _application;
    private readonly LambdaHostOptions _options;
    private readonly string _runtimeApi;
    private readonly LambdaLogWriter _log;
    private readonly ArrayBufferWriter<byte> _responseBuffer = new(16 * 1024);
    private Utf8JsonWriter? _responseWriter;

    public LambdaBootstrap(LambdaApplication application, LambdaHostOptions options, string runtimeApi)
    {
        _application = application;
        _options = options;
        _runtimeApi = runtimeApi;
        _log = new LambdaLogWriter(options.Stdout,
            LambdaLogWriter.ParseLevel(options.Environment.Get(EnvironmentVariables.LogLevel)));
    }

    /// <summary>Runs until the process ends; returns non-zero after an init error or a Runtime API failure.</summary>
    public async Task<int> RunAsync()
    {
        using var client = new RuntimeApiClient(_runtimeApi, _options.HttpHandler);
        var stopping = _options.Stopping;

        ApplicationServices? services = null;
        try
        {
            var handlerName = _options.Environment.Get(EnvironmentVariables.Handler);
            var definition = _application.FindFunction(handlerName);
            if (definition is null)
            {
                var message = $"No function named '{handlerName}' (from _HANDLER). Known handlers: {_application.DescribeFunctions()}.";
                _log.Write(LambdaLogLevel.Critical, null, message);
                await client.PostInitErrorAsync(new ErrorReport(HandlerNotFound, message, []), stopping).ConfigureAwait(false);
                return 1;
            }

            LambdaFunctionHandler? handler = null;
            LambdaFunctionInfo function;
            try
            {
                function = LambdaFunctionInfo.FromEnvironment(_options.Environment, definition);
                services = ApplicationServices.Build(_application);
                if (definition.EnvironmentReferences.Count == 0)
                {
                    handler = Create(definition, services);
                }

                // Else the Parameters and Secrets extension only answers during invocations: the references are resolved,
                // and the handler created, at the start of the first one (CreateDeferredAsync).
            }
            catch (Exception ex)
            {
                _log.Write(LambdaLogLevel.Critical, null, $"Init of function '{definition.Name}' failed.", ex);
                await client.PostInitErrorAsync(ErrorReport.FromException(ex), stopping).ConfigureAwait(false);
                return 1;
            }

            while (!stopping.IsCancellationRequested)
            {
                var next = await client.GetNextAsync(stopping).ConfigureAwait(false);
                handler ??= await CreateDeferredAsync(client, definition, services, next, stopping).ConfigureAwait(false);
                if (handler is not null)
                {
                    await InvokeAsync(client, handler, function, services, next, stopping).ConfigureAwait(false);
                }
            }

            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
        {
            _log.Write(LambdaLogLevel.Critical, null, "The Lambda Runtime API failed; the runtime stops.", ex);
            return 1;
        }
        finally
        {
            if (services is not null)
            {
                await services.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static LambdaFunctionHandler Create(LambdaFunctionDefinition definition, ApplicationServices services) =>
        definition.Create(services.Root)
            ?? throw new InvalidOperationException($"The function '{definition.Name}' created no handler.");

    /// <summary>
    /// The init of a function with environment references, at the start of an invocation: resolves them, then creates
    /// the handler. A failure is that invocation's error (an init error can no longer be posted) and the next invocation
    /// tries again; null then.
    /// </summary>
    private async Task<LambdaFunctionHandler?> CreateDeferredAsync(RuntimeApiClient client, LambdaFunctionDefinition definition,
        ApplicationServices services, NextInvocation next, CancellationToken stopping)
    {
        try
        {
            using (var deadline = InvocationCancellation.Create(next.Deadline, _options.DeadlineMargin))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopping))
            {
                await EnvironmentReferenceResolver.ResolveAsync(definition.EnvironmentReferences, _options.Environment, local: false, linked.Token)
                    .ConfigureAwait(false);
            }

            return Create(definition, services);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            _log.Write(LambdaLogLevel.Critical, next.RequestId, $"Init of function '{definition.Name}' failed.", ex);
            try
            {
                await client.PostErrorAsync(next.RequestId, ErrorReport.FromException(ex), stopping).ConfigureAwait(false);
            }
            catch (RuntimeApiException rejected)
            {
                _log.Write(LambdaLogLevel.Error, next.RequestId, "The Runtime API rejected the invocation's error.", rejected);
            }

            return null;
        }
    }

    private async Task InvokeAsync(RuntimeApiClient client, LambdaFunctionHandler handler, LambdaFunctionInfo function,
        ApplicationServices services, NextInvocation next, CancellationToken stopping)
    {
        _options.Environment.Set(EnvironmentVariables.TraceId, next.TraceId);
        var context = new LambdaContext(function, _log, next.RequestId, next.Deadline, next.InvokedFunctionArn,
            next.TraceId, next.ClientContext, next.CognitoIdentity);

        // The body is complete and the scope disposed before anything is posted: Lambda may freeze the
        // environment as soon as it has the response.
        ErrorReport? error = null;
        var body = ReadOnlyMemory<byte>.Empty;
        using (var deadline = InvocationCancellation.Create(next.Deadline, _options.DeadlineMargin))
        {
            var scope = services.CreateScope();
            try
            {
                var invocation = new LambdaInvocation(next.Payload, context, scope.ServiceProvider, deadline.Token);
                var response = await handler(invocation).ConfigureAwait(false);
                try
                {
                    body = response.Stream is { } stream
                        // Buffered (Lambda's buffered responses are at most 6 MB) so that a failing stream is
                        // reported as the invocation's error instead of breaking the request to the Runtime API.
                        ? await ReadAllAsync(stream, _responseBuffer, deadline.Token).ConfigureAwait(false)
                        : response.GetBytes(_responseBuffer, ref _responseWriter);
                }
                finally
                {
                    response.Dispose();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                error = Failed(next.RequestId, ex);
            }
            finally
            {
                try
                {
                    await scope.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _log.Write(LambdaLogLevel.Error, next.RequestId, "Disposing the invocation's services failed.", ex);
                }
            }
        }

        // HttpRequestException (the Runtime API is gone) propagates: nothing more can be reported.
        if (error is null)
        {
            try
            {
                await client.PostResponseAsync(next.RequestId, body, stopping).ConfigureAwait(false);
                return;
            }
            catch (RuntimeApiException ex)
            {
                error = Failed(next.RequestId, ex); // e.g. 413: the response is over Lambda's limit
            }
        }

        try
        {
            await client.PostErrorAsync(next.RequestId, error, stopping).ConfigureAwait(false);
        }
        catch (RuntimeApiException ex)
        {
            _log.Write(LambdaLogLevel.Error, next.RequestId, "The Runtime API rejected the invocation's error.", ex);
        }
    }

    private ErrorReport Failed(string requestId, Exception exception)
    {
        var error = ErrorReport.Unwrap(exception);
        _log.Write(LambdaLogLevel.Error, requestId, $"Invocation failed: {error.GetType().Name}: {error.Message}", exception);
        return ErrorReport.FromException(exception);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, ArrayBufferWriter<byte> buffer,
        CancellationToken cancellationToken)
    {
        buffer.Clear();
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }
}
