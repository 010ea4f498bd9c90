using System.Net.Sockets;

namespace Serverless.Runtime.Http;

/// <summary>
/// One client connection of the local API server: requests are read and answered one after another (HTTP/1.1
/// keep-alive; pipelined requests wait their turn). Bad input gets API Gateway's <c>{"message": ...}</c> with its
/// status and closes the connection; a client that goes away or stalls only ends its own connection.
/// </summary>
internal sealed class LocalHttpConnection
{
    /// <summary>How long an idle keep-alive connection waits for its next request.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long a started request may pause between reads.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _client;
    private readonly Func<LocalHttpRequestHead, byte[], Task<LocalHttpResponse>> _respond;
    private readonly Action<string> _log;

    public LocalHttpConnection(TcpClient client, Func<LocalHttpRequestHead, byte[], Task<LocalHttpResponse>> respond, Action<string> log)
    {
        _client = client;
        _respond = respond;
        _log = log;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var client = _client;
        client.NoDelay = true;
        var stream = client.GetStream();
        var reader = new LocalHttpRequestReader(stream);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                LocalHttpRequestHead? head = null;
                byte[] body;
                try
                {
                    head = await reader.ReadHeadAsync(IdleTimeout, ReadTimeout, stopping).ConfigureAwait(false);
                    if (head is null)
                    {
                        return;
                    }

                    LocalHttpRequestReader.CheckDeclaredLength(head);
                    if (head.ExpectContinue && head.HasBody)
                    {
                        await LocalHttpResponseWriter.WriteContinueAsync(stream, stopping).ConfigureAwait(false);
                    }

                    body = await reader.ReadBodyAsync(head, ReadTimeout, stopping).ConfigureAwait(false);
                }
                catch (LocalHttpProtocolException ex)
                {
                    _log($"{(head is null ? "(unread request head)" : head.Method + " " + head.Target)} -> {ex.StatusCode} ({ex.Message})");
                    await RefuseAsync(client, stream, ex).ConfigureAwait(false);
                    return;
                }

                var response = await _respond(head, body).ConfigureAwait(false);
                var close = !head.KeepAlive || stopping.IsCancellationRequested;
                await LocalHttpResponseWriter.WriteAsync(stream, response, head.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase),
                    close, name => _log($"  the {name} header of the response is not valid HTTP and was dropped"), stopping).ConfigureAwait(false);
                if (close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, stalled past a timeout, or the server is stopping: only this connection ends.
        }
    }

    /// <summary>
    /// Answers a request that is not passed on, then reads (and drops) what the client is still sending for a
    /// moment before closing, so it sees the answer rather than a reset connection.
    /// </summary>
    private static async Task RefuseAsync(TcpClient client, NetworkStream stream, LocalHttpProtocolException error)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await LocalHttpResponseWriter.WriteAsync(stream, LocalHttpResponse.Message(error.StatusCode, error.Message), head: false,
            close: true, _ => { }, timeout.Token).ConfigureAwait(false);
        client.Client.Shutdown(SocketShutdown.Send);
        var sink = new byte[64 * 1024];
        long drained = 0;
        while (drained < 4L * LocalHttpRequestReader.MaxBodyBytes)
        {
            var read = await stream.ReadAsync(sink, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            drained += read;
        }
    }
}
