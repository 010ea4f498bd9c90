using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The sample's local API server (<c>serve --port N</c>) for a test class: started once, with an
/// <see cref="HttpClient"/> on its address and the server's log (stderr).
/// </summary>
public sealed class LocalApiServer : IAsyncLifetime
{
    private LambdaProcess? _server;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the server and the functions logged so far.</summary>
    public string Log => _server?.Stderr ?? "";

    public async Task InitializeAsync()
    {
        var app = await SampleApp.GetAsync();
        var port = FreePort();
        _server = LambdaProcess.StartTool(app.Executable, ["serve", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilListeningAsync();
    }

    /// <summary>Fails when the server has exited (a request must never take it down).</summary>
    public void AssertStillServing() =>
        Assert.False(_server!.Process.HasExited, "serve exited:\n" + _server.Stderr);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_server!.Process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {_server.Process.ExitCode}:\n{_server.Stderr}");
            }

            try
            {
                using var _ = await Client.GetAsync("__ready");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
