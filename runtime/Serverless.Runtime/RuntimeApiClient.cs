using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Runtime;

/// <summary>
/// A client of the Lambda Runtime API (<c>2018-06-01</c>): next invocation, response, invocation error and
/// init error. One <see cref="HttpClient"/> without a timeout (<c>/next</c> blocks until an event arrives);
/// the payload is read into a buffer reused across invocations.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private static readonly JsonWriterOptions ErrorWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly HttpClient _http;
    private readonly ArrayBufferWriter<byte> _errorBuffer = new(1024);
    private byte[] _payload = new byte[16 * 1024];

    public RuntimeApiClient(string runtimeApi, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri("http://" + runtimeApi.TrimEnd('/') + "/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next invocation. Its payload stays valid until the next call.</summary>
    public async Task<NextInvocation> GetNextAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "invocation/next");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync("GET /invocation/next", response, cancellationToken).ConfigureAwait(false);
        }

        var headers = response.Headers.NonValidated;
        var requestId = Header(headers, RuntimeApiHeaders.RequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException("GET /invocation/next", response.StatusCode,
                "the response has no " + RuntimeApiHeaders.RequestId + " header");
        }

        var deadline = long.TryParse(Header(headers, RuntimeApiHeaders.DeadlineMs), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var deadlineMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs)
            : DateTimeOffset.UtcNow.AddMinutes(15);

        var length = await ReadPayloadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return new NextInvocation(
            requestId,
            deadline,
            Header(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            Header(headers, RuntimeApiHeaders.TraceId),
            Header(headers, RuntimeApiHeaders.ClientContext),
            Header(headers, RuntimeApiHeaders.CognitoIdentity),
            new ReadOnlyMemory<byte>(_payload, 0, length));
    }

    /// <summary>Posts a buffered response body.</summary>
    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        PostAsync("invocation/" + requestId + "/response", new ReadOnlyMemoryContent(body), null, cancellationToken);

    /// <summary>Reports an invocation error.</summary>
    public Task PostErrorAsync(string requestId, ErrorReport error, CancellationToken cancellationToken) =>
        PostAsync("invocation/" + requestId + "/error", ErrorContent(error), error.ErrorType, cancellationToken);

    /// <summary>Reports an init error; Lambda then ends the execution environment.</summary>
    public Task PostInitErrorAsync(ErrorReport error, CancellationToken cancellationToken) =>
        PostAsync("init/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private HttpContent ErrorContent(ErrorReport error)
    {
        _errorBuffer.Clear();
        using (var writer = new Utf8JsonWriter(_errorBuffer, ErrorWriterOptions))
        {
            error.WriteTo(writer);
        }

        var content = new ReadOnlyMemoryContent(_errorBuffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync("POST /" + path, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> ReadPayloadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength;
        if (expected is > 0 && expected.Value > _payload.Length && expected.Value <= Array.MaxLength)
        {
            _payload = new byte[(int)Math.Max(expected.Value, _payload.Length * 2L)];
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var length = 0;
            while (true)
            {
                if (length == _payload.Length)
                {
                    Array.Resize(ref _payload, _payload.Length * 2);
                }

                var read = await stream.ReadAsync(_payload.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return length;
                }

                length += read;
            }
        }
    }

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;

    private static async Task<RuntimeApiException> FailureAsync(string request, HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }

        return new RuntimeApiException(request, response.StatusCode, body);
    }
}
