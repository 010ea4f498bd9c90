using System.Net.Sockets;
using System.Text;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Requests HttpClient will not send (no length, HTTP/1.0, malformed lines, a client that hangs up mid-request),
/// written byte for byte on a TCP connection.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> and returns everything the server wrote until it closed the connection.</summary>
    public static async Task<string> SendAsync(int port, string request) => await SendAsync(port, Encoding.UTF8.GetBytes(request));

    public static async Task<string> SendAsync(int port, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = new MemoryStream();
        await stream.CopyToAsync(response, timeout.Token);
        return Encoding.UTF8.GetString(response.ToArray());
    }

    /// <summary>
    /// Writes <paramref name="partial"/> and hangs up without waiting for an answer: with a reset when
    /// <paramref name="reset"/>, else with an orderly close.
    /// </summary>
    public static async Task HangUpAfterAsync(int port, string partial, bool reset = true)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(partial));
        if (reset)
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
    }

    /// <summary>The status code of a raw response.</summary>
    public static int Status(string response) => int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body of a raw response (after the empty line).</summary>
    public static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
