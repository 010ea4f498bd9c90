using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Runtime;

/// <summary>
/// Writes structured log lines, one JSON object a line:
/// <c>{"timestamp","level","requestId","message"}</c> plus <c>errorType</c>, <c>errorMessage</c> and
/// <c>stackTrace</c> when an exception is given. Lines below the minimum level are dropped.
/// </summary>
internal sealed class LambdaLogWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private Utf8JsonWriter? _writer;

    public LambdaLogWriter(Stream output, LambdaLogLevel minimumLevel)
    {
        _output = output;
        MinimumLevel = minimumLevel;
    }

    public LambdaLogLevel MinimumLevel { get; }

    /// <summary>The minimum level named by <c>AWS_LAMBDA_LOG_LEVEL</c> (Lambda's or .NET's names), Information otherwise.</summary>
    public static LambdaLogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LambdaLogLevel.Trace,
        "DEBUG" => LambdaLogLevel.Debug,
        "INFO" or "INFORMATION" => LambdaLogLevel.Information,
        "WARN" or "WARNING" => LambdaLogLevel.Warning,
        "ERROR" => LambdaLogLevel.Error,
        "FATAL" or "CRITICAL" => LambdaLogLevel.Critical,
        _ => LambdaLogLevel.Information,
    };

    public bool IsEnabled(LambdaLogLevel level) => level >= MinimumLevel;

    public void Write(LambdaLogLevel level, string? requestId, string message, Exception? exception = null)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        lock (_gate)
        {
            _buffer.Clear();
            if (_writer is null)
            {
                _writer = new Utf8JsonWriter(_buffer, WriterOptions);
            }
            else
            {
                _writer.Reset(_buffer);
            }

            var writer = _writer;
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTime.UtcNow);
            writer.WriteString("level", LevelName(level));
            if (requestId is not null)
            {
                writer.WriteString("requestId", requestId);
            }

            writer.WriteString("message", message);
            if (exception is not null)
            {
                ErrorReport.FromException(exception, includeStackTrace: true).WriteProperties(writer);
            }

            writer.WriteEndObject();
            writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            try
            {
                _output.Write(_buffer.WrittenSpan);
                _output.Flush();
            }
            catch (IOException)
            {
                // A closed stdout must not fail the invocation.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static string LevelName(LambdaLogLevel level) => level switch
    {
        LambdaLogLevel.Trace => "Trace",
        LambdaLogLevel.Debug => "Debug",
        LambdaLogLevel.Information => "Information",
        LambdaLogLevel.Warning => "Warning",
        LambdaLogLevel.Error => "Error",
        LambdaLogLevel.Critical => "Critical",
        _ => "Information",
    };
}
