using System.Text;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

/// <summary>
/// The local API server's request parser on byte streams: framing rules of RFC 9112 and API Gateway's limits, in the
/// corners a socket test cannot pin down deterministically (pipelining, bare LF, ambiguous framing, size overflow).
/// </summary>
public sealed class LocalHttpRequestReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Pipelined_requests_with_bare_LF_and_leading_empty_lines_are_read_one_after_another()
    {
        var reader = Reader("\r\n\r\nPOST /a?x=1 HTTP/1.1\nHost: h\nContent-Length: 3\n\nabcGET http://example.test/b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

        var first = await ReadHeadAsync(reader);
        Assert.Equal(("POST", "/a?x=1", "HTTP/1.1", true, 3L), (first.Method, first.Target, first.Protocol, first.KeepAlive, first.ContentLength));
        Assert.Equal("abc", Encoding.ASCII.GetString(await reader.ReadBodyAsync(first, Timeout, CancellationToken.None)));

        // The absolute form is reduced to the path; HTTP/1.0 keeps the connection only when asked to.
        var second = await ReadHeadAsync(reader);
        Assert.Equal(("GET", "/b", "HTTP/1.0", true, -1L), (second.Method, second.Target, second.Protocol, second.KeepAlive, second.ContentLength));
        Assert.Empty(await reader.ReadBodyAsync(second, Timeout, CancellationToken.None));

        Assert.Null(await reader.ReadHeadAsync(Timeout, Timeout, CancellationToken.None));
    }

    [Fact]
    public async Task Chunked_wins_over_Content_Length_and_such_a_request_closes_the_connection()
    {
        var reader = Reader("POST / HTTP/1.1\r\nContent-Length: 99\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        var head = await ReadHeadAsync(reader);

        Assert.True(head.Chunked);
        Assert.Equal(-1, head.ContentLength);
        Assert.False(head.KeepAlive);
        Assert.Equal("abc", Encoding.ASCII.GetString(await reader.ReadBodyAsync(head, Timeout, CancellationToken.None)));
    }

    [Fact]
    public async Task A_repeated_equal_Content_Length_is_one_length()
    {
        var head = await ReadHeadAsync(Reader("PUT / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok"));

        Assert.Equal(2, head.ContentLength);
        Assert.Equal(2, head.Headers.Count);
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 10485761\r\n\r\n", 413)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7FFFFFFF\r\n", 413)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n;ext\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nX A: b\r\n\r\n", 400)]
    [InlineData("G(T / HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET /a b HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET * HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/3\r\n\r\n", 505)]
    public async Task Bad_framing_and_malformed_heads_are_protocol_errors_with_their_status(string request, int status)
    {
        var reader = Reader(request);

        var error = await Assert.ThrowsAsync<LocalHttpProtocolException>(async () =>
        {
            var head = await ReadHeadAsync(reader);
            LocalHttpRequestReader.CheckDeclaredLength(head);
            await reader.ReadBodyAsync(head, Timeout, CancellationToken.None);
        });

        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task The_request_line_and_header_values_may_total_10240_bytes_and_not_one_more()
    {
        // "GET / HTTP/1.1" is 14 bytes; the one header's value takes the rest of the quota.
        var fits = "GET / HTTP/1.1\r\nX-Pad: " + new string('p', 10240 - 14) + "\r\n\r\n";
        Assert.Equal("GET", (await ReadHeadAsync(Reader(fits))).Method);

        var over = "GET / HTTP/1.1\r\nX-Pad: " + new string('p', 10240 - 13) + "\r\n\r\n";
        Assert.Equal(431, (await Assert.ThrowsAsync<LocalHttpProtocolException>(() => ReadHeadAsync(Reader(over)))).StatusCode);

        var longUrl = "GET /" + new string('u', 10240) + " HTTP/1.1\r\n\r\n";
        Assert.Equal(414, (await Assert.ThrowsAsync<LocalHttpProtocolException>(() => ReadHeadAsync(Reader(longUrl)))).StatusCode);

        // A head that never ends is cut off at 64 KB instead of being buffered on.
        var endless = "GET / HTTP/1.1\r\nX-Pad: " + new string('p', 200_000);
        Assert.Equal(431, (await Assert.ThrowsAsync<LocalHttpProtocolException>(() => ReadHeadAsync(Reader(endless)))).StatusCode);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: h\r\n")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")]
    public async Task A_client_that_goes_away_mid_request_is_an_end_of_stream(string partial)
    {
        var reader = Reader(partial);

        await Assert.ThrowsAsync<EndOfStreamException>(async () =>
        {
            var head = await ReadHeadAsync(reader);
            await reader.ReadBodyAsync(head, Timeout, CancellationToken.None);
        });
    }

    private static LocalHttpRequestReader Reader(string bytes) => new(new MemoryStream(Encoding.UTF8.GetBytes(bytes)));

    private static async Task<LocalHttpRequestHead> ReadHeadAsync(LocalHttpRequestReader reader) =>
        await reader.ReadHeadAsync(Timeout, Timeout, CancellationToken.None) ?? throw new InvalidOperationException("No request.");
}
