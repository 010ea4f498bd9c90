using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serverless.Runtime.Http;

namespace Serverless.Runtime;

/// <summary>
/// The app as a command-line tool, when no <c>AWS_LAMBDA_RUNTIME_API</c> is set:
/// no arguments lists the functions; <c>invoke &lt;function&gt; [json | -]</c> runs one invocation in-process
/// (no payload means <c>{}</c>; <c>-</c> reads standard input) and prints the response body on stdout.
/// Logs and errors go to stderr, so stdout carries only the response.
/// Exit codes: 0 success; 1 the invocation failed (the Lambda error JSON is on stderr); 2 a usage mistake.
/// </summary>
internal sealed class LocalTool
{
    public const int Success = 0;
    public const int InvocationFailed = 1;
    public const int UsageError = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly LambdaApplication _application;
    private readonly LambdaHostOptions _options;

    public LocalTool(LambdaApplication application, LambdaHostOptions options)
    {
        _application = application;
        _options = options;
    }

    public async Task<int> RunAsync(string[] args)
    {
        using var stdout = new StreamWriter(_options.Stdout, Utf8, 1024, leaveOpen: true) { AutoFlush = true };
        using var stderr = new StreamWriter(_options.Stderr, Utf8, 1024, leaveOpen: true) { AutoFlush = true };

        if (args.Length == 0)
        {
            WriteFunctions(stdout);
            stdout.WriteLine();
            WriteUsage(stdout);
            return Success;
        }

        switch (args[0])
        {
            case "--help" or "-h" or "-?" or "help":
                WriteUsage(stdout);
                return Success;
            case "list":
                WriteFunctions(stdout);
                return Success;
            case "invoke":
                return await InvokeAsync(args, stderr).ConfigureAwait(false);
            case "serve":
                return await ServeAsync(args, stdout, stderr).ConfigureAwait(false);
            default:
                stderr.WriteLine($"Unknown command '{args[0]}'.");
                WriteUsage(stderr);
                return UsageError;
        }
    }

    private async Task<int> InvokeAsync(string[] args, StreamWriter stderr)
    {
        if (args.Length is < 2 or > 3)
        {
            stderr.WriteLine(args.Length < 2 ? "invoke needs a function name." : "invoke takes at most a function name and a payload.");
            WriteUsage(stderr);
            return UsageError;
        }

        var definition = _application.FindFunction(args[1]);
        if (definition is null)
        {
            stderr.WriteLine($"Unknown function '{args[1]}'. Known functions: {_application.DescribeFunctions()}.");
            return UsageError;
        }

        ReadOnlyMemory<byte> payload;
        if (args.Length == 2)
        {
            payload = "{}"u8.ToArray();
        }
        else if (args[2] == "-")
        {
            using var input = new MemoryStream();
            await _options.Stdin.CopyToAsync(input).ConfigureAwait(false);
            payload = input.GetBuffer().AsMemory(0, (int)input.Length);
        }
        else
        {
            payload = Encoding.UTF8.GetBytes(args[2]);
        }

        var log = new LambdaLogWriter(_options.Stderr,
            LambdaLogWriter.ParseLevel(_options.Environment.Get(EnvironmentVariables.LogLevel)));

        if (definition.EnvironmentReferences.Count > 0)
        {
            // Resolved as in Lambda when an extension endpoint answers; a variable that is already set wins.
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await EnvironmentReferenceResolver.ResolveAsync(definition.EnvironmentReferences, _options.Environment, local: true, timeout.Token)
                    .ConfigureAwait(false);
            }
            catch (EnvironmentReferenceException ex)
            {
                stderr.WriteLine(ex.Message);
                return InvocationFailed;
            }
        }

        ApplicationServices services;
        LambdaFunctionHandler handler;
        try
        {
            services = ApplicationServices.Build(_application);
            handler = definition.Create(services.Root)
                ?? throw new InvalidOperationException($"The function '{definition.Name}' created no handler.");
        }
        catch (Exception ex)
        {
            WriteError(stderr, ErrorReport.FromException(ex));
            return InvocationFailed;
        }

        await using (services.ConfigureAwait(false))
        {
            var deadline = DateTimeOffset.UtcNow.AddSeconds(LambdaFunctionInfo.Defaults.Timeout(definition));
            var requestId = Guid.NewGuid().ToString();
            var context = new LambdaContext(LambdaFunctionInfo.ForLocalRun(definition), log, requestId, deadline,
                "arn:aws:lambda:local:000000000000:function:" + definition.Name, _options.Environment.Get(EnvironmentVariables.TraceId));

            using var cancellation = InvocationCancellation.Create(deadline, _options.DeadlineMargin);
            var scope = services.CreateScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    var response = await handler(new LambdaInvocation(payload, context, scope.ServiceProvider, cancellation.Token))
                        .ConfigureAwait(false);
                    try
                    {
                        if (response.Stream is { } stream)
                        {
                            await stream.CopyToAsync(_options.Stdout).ConfigureAwait(false);
                        }
                        else
                        {
                            Utf8JsonWriter? writer = null;
                            var body = response.GetBytes(new ArrayBufferWriter<byte>(), ref writer);
                            writer?.Dispose();
                            _options.Stdout.Write(body.Span);
                        }

                        await _options.Stdout.FlushAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        response.Dispose();
                    }

                    return Success;
                }
                catch (Exception ex)
                {
                    WriteError(stderr, ErrorReport.FromException(ex));
                    return InvocationFailed;
                }
            }
        }
    }

    private async Task<int> ServeAsync(string[] args, StreamWriter stdout, StreamWriter stderr)
    {
        var port = LocalHttpServer.DefaultPort;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--port" or "-p" && i + 1 < args.Length &&
                int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536)
            {
                i++;
                continue;
            }

            stderr.WriteLine(args[i] is "--port" or "-p" ? "--port needs a number from 1 to 65535." : $"Unknown option '{args[i]}' for serve.");
            WriteUsage(stderr);
            return UsageError;
        }

        // The switch is a constant false in published apps (ILLink.Substitutions.xml): the server is trimmed away.
        if (!LocalServerFeature.IsSupported)
        {
            stderr.WriteLine("The local API server is not part of this build (it is removed when publishing); run the app with 'dotnet run -- serve'.");
            return UsageError;
        }

        return await new LocalHttpServer(_application, _options, stdout, stderr).RunAsync(port).ConfigureAwait(false);
    }

    private void WriteFunctions(TextWriter output)
    {
        var functions = _application.Functions.Where(f => f is not null).ToList();
        if (functions.Count == 0)
        {
            output.WriteLine("This app has no functions.");
            return;
        }

        var width = Math.Max("FUNCTION".Length, functions.Max(f => f.Name.Length));
        output.WriteLine($"{"FUNCTION".PadRight(width)}  MEMORY  TIMEOUT");
        foreach (var function in functions)
        {
            var memory = LambdaFunctionInfo.Defaults.MemorySize(function).ToString(CultureInfo.InvariantCulture) + " MB";
            var timeout = LambdaFunctionInfo.Defaults.Timeout(function).ToString(CultureInfo.InvariantCulture) + " s";
            output.WriteLine($"{function.Name.PadRight(width)}  {memory,6}  {timeout,7}");

            // Its API Gateway routes, one a line under it (a class function: every route of its router): what `serve`
            // answers and what the template and openapi.json list.
            foreach (var route in function.Routes)
            {
                var api = route.PayloadFormat == Http.HttpPayloadFormat.Version1 ? "REST API" : "HTTP API";
                output.WriteLine($"  {route.Method,-7} {route.Template}  {api}");
            }
        }
    }

    private static void WriteUsage(TextWriter output)
    {
        output.WriteLine("Usage:");
        output.WriteLine("  <app>                            list the functions");
        output.WriteLine("  <app> invoke <function> [json]   run one invocation locally; no payload sends {}");
        output.WriteLine("  <app> invoke <function> -        read the payload from standard input");
        output.WriteLine("  <app> serve [--port N]           serve the HTTP routes on http://127.0.0.1:N/ as API Gateway would (default 5050)");
        output.WriteLine("  <app> --help                     show this help");
        output.WriteLine("The response body goes to stdout, logs and errors to stderr.");
        output.WriteLine("Exit codes: 0 success, 1 the invocation failed (Lambda error JSON on stderr), 2 usage error.");
        output.WriteLine("With AWS_LAMBDA_RUNTIME_API set, the app runs as a Lambda custom runtime (_HANDLER names the function).");
    }

    private static void WriteError(TextWriter output, ErrorReport error)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            error.WriteTo(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
