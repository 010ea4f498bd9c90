using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
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
/// The HTTP API of the AWS Parameters and Secrets Lambda Extension, as documented, served by Kestrel on 127.0.0.1 at a
/// free port: <c>GET /systemsmanager/parameters/get?name=...</c> answers <c>{"Parameter":{"Value":...}}</c> and
/// <c>GET /secretsmanager/get?secretId=...</c> answers <c>{"SecretString":...}</c>; an unknown name is HTTP 400, as
/// the extension answers for a missing parameter or secret. The app reaches it as <c>localhost</c> on
/// <c>PARAMETERS_SECRETS_EXTENSION_HTTP_PORT</c> (see <see cref="EnvironmentFor"/>). Every request is recorded.
/// </summary>
public sealed class ParametersSecretsExtensionFake : IAsyncDisposable
{
    /// <summary>The variable that tells the runtime the extension's port.</summary>
    public const string PortVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

    /// <summary>The variable whose value the runtime sends as <see cref="TokenHeader"/>.</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>The header that carries the session token.</summary>
    public const string TokenHeader = "X-Aws-Parameters-Secrets-Token";

    private readonly object _gate = new();
    private HttpStatusCode? _failNext;
    private WebApplication? _app;

    private ParametersSecretsExtensionFake()
    {
    }

    /// <summary>Parameter Store: name -> value (served decrypted, as with <c>withDecryption=true</c>).</summary>
    public ConcurrentDictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Secrets Manager: secret id (name or ARN) -> <c>SecretString</c>.</summary>
    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Secrets Manager: secret id -> the whole JSON answer, sent as it is (e.g. a binary secret).</summary>
    public ConcurrentDictionary<string, string> RawSecrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request so far, in order of arrival.</summary>
    public ConcurrentQueue<ParametersSecretsRequest> Requests { get; } = new();

    /// <summary>When set, the next request is answered with this status (and an error text), then it is cleared.</summary>
    public HttpStatusCode? FailNext
    {
        get
        {
            lock (_gate)
            {
                return _failNext;
            }
        }
        set
        {
            lock (_gate)
            {
                _failNext = value;
            }
        }
    }

    /// <summary>The port the fake listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Starts the fake on a free port of 127.0.0.1.</summary>
    public static async Task<ParametersSecretsExtensionFake> StartAsync(CancellationToken cancellationToken = default)
    {
        var extension = new ParametersSecretsExtensionFake();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/systemsmanager/parameters/get", (HttpContext c) => extension.Answer(c, c.Request.Query["name"].ToString(), secret: false));
        app.MapGet("/secretsmanager/get", (HttpContext c) => extension.Answer(c, c.Request.Query["secretId"].ToString(), secret: true));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        extension.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        extension._app = app;
        return extension;
    }

    /// <summary>
    /// The variables that point an app at this fake: <see cref="PortVariable"/>, and <see cref="SessionTokenVariable"/>
    /// when <paramref name="sessionToken"/> is given (as Lambda sets it for the function's role).
    /// </summary>
    public Dictionary<string, string?> EnvironmentFor(string? sessionToken = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [PortVariable] = Port.ToString(CultureInfo.InvariantCulture),
        };
        if (sessionToken is not null)
        {
            variables[SessionTokenVariable] = sessionToken;
        }

        return variables;
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private IResult Answer(HttpContext context, string name, bool secret)
    {
        Requests.Enqueue(new ParametersSecretsRequest(
            context.Request.Path.Value!,
            context.Request.QueryString.Value!,
            name,
            context.Request.Headers.TryGetValue(TokenHeader, out var token) ? token.ToString() : null));

        HttpStatusCode? fail;
        lock (_gate)
        {
            fail = _failNext;
            _failNext = null;
        }

        if (fail is { } status)
        {
            return Results.Text("AccessDeniedException", statusCode: (int)status);
        }

        if (secret && RawSecrets.TryGetValue(name, out var raw))
        {
            return Results.Text(raw, "application/json");
        }

        if (secret ? Secrets.TryGetValue(name, out var value) : Parameters.TryGetValue(name, out value))
        {
            var json = secret
                ? JsonSerializer.Serialize(new Dictionary<string, object> { ["Name"] = name, ["SecretString"] = value, ["VersionStages"] = new[] { "AWSCURRENT" } })
                : JsonSerializer.Serialize(new Dictionary<string, object> { ["Parameter"] = new Dictionary<string, object> { ["Name"] = name, ["Type"] = "SecureString", ["Value"] = value, ["Version"] = 1 } });
            return Results.Text(json, "application/json");
        }

        return Results.Text(secret ? "ResourceNotFoundException" : "ParameterNotFound", statusCode: StatusCodes.Status400BadRequest);
    }
}

/// <summary>A request the <see cref="ParametersSecretsExtensionFake"/> received.</summary>
/// <param name="Path">The path (<c>/systemsmanager/parameters/get</c> or <c>/secretsmanager/get</c>).</param>
/// <param name="Query">The query string as sent, with its <c>?</c>.</param>
/// <param name="Name">The parameter name or secret id asked for (unescaped).</param>
/// <param name="Token">The <see cref="ParametersSecretsExtensionFake.TokenHeader"/> value, or null without the header.</param>
public sealed record ParametersSecretsRequest(string Path, string Query, string Name, string? Token);
