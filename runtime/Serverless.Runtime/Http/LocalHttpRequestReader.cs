using System.Buffers;
using System.Globalization;
using System.Text;

namespace Serverless.Runtime.Http;

/// <summary>
/// Reads HTTP/1.x requests off one local API server connection, with API Gateway's limits: a request line and
/// header values of at most 10240 bytes together (HTTP API quota), bodies of at most 10 MB (payload quota) framed by
/// <c>Content-Length</c> or chunked; no framing means no body (RFC 9112 §6.3), whatever the method. Bad input is a
/// <see cref="LocalHttpProtocolException"/>; a client that goes away mid-request an <see cref="EndOfStreamException"/>.
/// Nothing is buffered beyond the limits.
/// </summary>
internal sealed class LocalHttpRequestReader
{
    public const int MaxBodyBytes = 10 * 1024 * 1024;
    public const int MaxRequestLineAndHeaderValues = 10240;

    /// <summary>Headers beyond API Gateway's quota are still read up to here, so the answer can be a clean 431.</summary>
    private const int MaxHeadBytes = 64 * 1024;

    private const int MaxChunkLineBytes = 4096;
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[MaxHeadBytes + 4096];
    private int _start;
    private int _end;

    public LocalHttpRequestReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The next request's head, or null when the client closed the connection between requests.</summary>
    /// <param name="firstByteTimeout">How long to wait for a request to start (keep-alive idle time).</param>
    /// <param name="timeout">How long each later read of the head may take.</param>
    /// <param name="cancellationToken">The server is stopping.</param>
    public async Task<LocalHttpRequestHead?> ReadHeadAsync(TimeSpan firstByteTimeout, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        while (true)
        {
            while (_start < _end && _buffer[_start] is (byte)'\r' or (byte)'\n')
            {
                _start++;
            }

            if (_start < _end)
            {
                break;
            }

            if (await FillAsync(firstByteTimeout, cancellationToken).ConfigureAwait(false) == 0)
            {
                return null;
            }
        }

        int headEnd;
        while ((headEnd = FindHeadEnd()) < 0)
        {
            if (_end - _start >= MaxHeadBytes)
            {
                throw _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n') < 0
                    ? new LocalHttpProtocolException(414, "Request-URI Too Long")
                    : new LocalHttpProtocolException(431, "Request Header Fields Too Large");
            }

            if (await FillAsync(timeout, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException("The client closed the connection in the request head.");
            }
        }

        // Header values may be UTF-8 (obs-text); invalid bytes become U+FFFD rather than failing the request.
        var text = Encoding.UTF8.GetString(_buffer, _start, headEnd - _start);
        _start = headEnd;
        return ParseHead(text);
    }

    /// <summary>Reads the body <paramref name="head"/> announces (an empty array when there is none).</summary>
    public async Task<byte[]> ReadBodyAsync(LocalHttpRequestHead head, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (head.Chunked)
        {
            return await ReadChunkedAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        if (head.ContentLength <= 0)
        {
            return [];
        }

        if (head.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var body = new byte[head.ContentLength];
        await ReadExactlyAsync(body, timeout, cancellationToken).ConfigureAwait(false);
        return body;
    }

    /// <summary>Throws 413 before anything is read when the declared length is over the limit.</summary>
    public static void CheckDeclaredLength(LocalHttpRequestHead head)
    {
        if (!head.Chunked && head.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }
    }

    private static LocalHttpProtocolException TooLarge() => new(413, "Request Entity Too Large");

    private LocalHttpRequestHead ParseHead(string text)
    {
        var lines = text.Split('\n');
        var requestLine = lines[0].TrimEnd('\r');
        var firstSpace = requestLine.IndexOf(' ');
        var lastSpace = requestLine.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        {
            throw LocalHttpProtocolException.BadRequest("malformed request line.");
        }

        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];
        var protocol = requestLine[(lastSpace + 1)..];
        if (method.AsSpan().IndexOfAnyExcept(TokenChars) >= 0 || target.Contains(' ') || target.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0)
        {
            throw LocalHttpProtocolException.BadRequest("malformed request line.");
        }

        if (protocol is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw protocol.StartsWith("HTTP/", StringComparison.Ordinal)
                ? new LocalHttpProtocolException(505, "HTTP Version Not Supported")
                : LocalHttpProtocolException.BadRequest("malformed request line.");
        }

        target = OriginForm(target);
        var size = Encoding.UTF8.GetByteCount(requestLine);
        if (size > MaxRequestLineAndHeaderValues)
        {
            throw new LocalHttpProtocolException(414, "Request-URI Too Long");
        }

        var headers = new List<KeyValuePair<string, string>>();
        long contentLength = -1;
        var chunked = false;
        var transferEncoding = false;
        string? connection = null;
        var expectContinue = false;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                throw LocalHttpProtocolException.BadRequest("obsolete header line folding.");
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || line.AsSpan(0, colon).IndexOfAnyExcept(TokenChars) >= 0)
            {
                throw LocalHttpProtocolException.BadRequest("malformed header line.");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            if (value.AsSpan().IndexOfAny('\0', '\r') >= 0)
            {
                throw LocalHttpProtocolException.BadRequest($"invalid character in the {name} header.");
            }

            size += Encoding.UTF8.GetByteCount(value);
            if (size > MaxRequestLineAndHeaderValues)
            {
                throw new LocalHttpProtocolException(431, "Request Header Fields Too Large");
            }

            headers.Add(new KeyValuePair<string, string>(name, value));
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                // Repeated equal values are allowed (RFC 9110 §8.6); anything else is ambiguous framing.
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ||
                    (contentLength >= 0 && contentLength != length))
                {
                    throw LocalHttpProtocolException.BadRequest("invalid Content-Length.");
                }

                contentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transferEncoding = true;
                var codings = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                chunked = codings.Length > 0 && codings[^1].Equals("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = connection is null ? value : connection + "," + value;
            }
            else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                expectContinue = value.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
            }
        }

        // A request whose Transfer-Encoding does not end in chunked has no knowable length (RFC 9112 §6.3).
        if (transferEncoding && !chunked)
        {
            throw LocalHttpProtocolException.BadRequest("Transfer-Encoding without chunked.");
        }

        var keepAlive = protocol == "HTTP/1.1"
            ? !HasToken(connection, "close")
            : HasToken(connection, "keep-alive");

        // Transfer-Encoding wins over Content-Length; such a message closes the connection (RFC 9112 §6.1).
        if (chunked && contentLength >= 0)
        {
            contentLength = -1;
            keepAlive = false;
        }

        return new LocalHttpRequestHead(method, target, protocol, headers, contentLength, chunked, keepAlive, expectContinue);
    }

    /// <summary>The path and query of an origin-form or absolute-form target; anything else is a 400.</summary>
    private static string OriginForm(string target)
    {
        if (target.StartsWith('/'))
        {
            return target;
        }

        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var authorityEnd = target.IndexOf('/', uri.Scheme.Length + 3);
            return authorityEnd < 0 ? "/" : target[authorityEnd..];
        }

        throw LocalHttpProtocolException.BadRequest("the request target must be a path.");
    }

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split(',', StringSplitOptions.TrimEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private async Task<byte[]> ReadChunkedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var line = await ReadLineAsync(MaxChunkLineBytes, timeout, cancellationToken).ConfigureAwait(false);
            var semicolon = line.IndexOf(';');
            var sizeText = (semicolon < 0 ? line : line[..semicolon]).Trim(' ', '\t');
            if (sizeText.Length is 0 or > 8 ||
                !int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw LocalHttpProtocolException.BadRequest("malformed chunk size.");
            }

            if (size == 0)
            {
                break;
            }

            if (body.Length + size > MaxBodyBytes)
            {
                throw TooLarge();
            }

            var chunk = new byte[size];
            await ReadExactlyAsync(chunk, timeout, cancellationToken).ConfigureAwait(false);
            body.Write(chunk);
            if ((await ReadLineAsync(2, timeout, cancellationToken).ConfigureAwait(false)).Length != 0)
            {
                throw LocalHttpProtocolException.BadRequest("chunk data longer than its size.");
            }
        }

        // Trailer fields are read and dropped (API Gateway has no place for them in the event).
        var trailers = 0;
        while ((await ReadLineAsync(MaxChunkLineBytes, timeout, cancellationToken).ConfigureAwait(false)).Length != 0)
        {
            if (++trailers > 100)
            {
                throw new LocalHttpProtocolException(431, "Request Header Fields Too Large");
            }
        }

        return body.ToArray();
    }

    /// <summary>A line without its CRLF (or bare LF), at most <paramref name="limit"/> bytes.</summary>
    private async Task<string> ReadLineAsync(int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline).TrimEnd('\r');
                _start += newline + 1;
                return line;
            }

            if (_end - _start > limit)
            {
                throw LocalHttpProtocolException.BadRequest("malformed chunked body.");
            }

            if (await FillAsync(timeout, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException("The client closed the connection in the request body.");
            }
        }
    }

    private async Task ReadExactlyAsync(byte[] target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var buffered = Math.Min(target.Length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(target);
        _start += buffered;
        var offset = buffered;
        while (offset < target.Length)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            var read = await _stream.ReadAsync(target.AsMemory(offset), timer.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The client closed the connection in the request body.");
            }

            offset += read;
        }
    }

    /// <summary>Reads more into the buffer (compacting it first); 0 at the end of the stream.</summary>
    private async Task<int> FillAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new LocalHttpProtocolException(431, "Request Header Fields Too Large");
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), timer.Token).ConfigureAwait(false);
        _end += read;
        return read;
    }

    /// <summary>The index after the empty line that ends the head (CRLF CRLF, or bare LF LF), or -1.</summary>
    private int FindHeadEnd()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var at = 0;
        while (true)
        {
            var newline = span[at..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }

            var next = at + newline + 1;
            if (next < span.Length && span[next] == (byte)'\n')
            {
                return _start + next + 1;
            }

            if (next + 1 < span.Length && span[next] == (byte)'\r' && span[next + 1] == (byte)'\n')
            {
                return _start + next + 2;
            }

            if (next >= span.Length)
            {
                return -1;
            }

            at = next;
        }
    }
}
