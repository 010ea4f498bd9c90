using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Serverless.Runtime.Tests;

public sealed class InvocationCancellationTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30_000, 29_500)]
    [InlineData(3_000, 2_700)]
    [InlineData(1_000, 900)]
    [InlineData(0, 0)]
    [InlineData(-5_000, 0)]
    public void Fires_before_the_deadline_and_never_negative(int remainingMs, int expectedMs)
    {
        var delay = InvocationCancellation.DelayUntilCancel(Now.AddMilliseconds(remainingMs), Now, TimeSpan.FromMilliseconds(500));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void A_past_deadline_is_already_cancelled()
    {
        using var source = InvocationCancellation.Create(DateTimeOffset.UtcNow.AddSeconds(-1), TimeSpan.FromMilliseconds(500));

        Assert.True(source.IsCancellationRequested);
    }
}

public sealed class ErrorReportTests
{
    [Fact]
    public void Inner_exceptions_follow_the_outer_frames()
    {
        Exception caught;
        try
        {
            try
            {
                throw new IOException("disk");
            }
            catch (IOException inner)
            {
                throw new InvalidOperationException("outer", inner);
            }
        }
        catch (Exception ex)
        {
            caught = ex;
        }

        var report = ErrorReport.FromException(caught);

        Assert.Equal("InvalidOperationException", report.ErrorType);
        Assert.Equal("outer", report.ErrorMessage);
        Assert.StartsWith("at ", report.StackTrace[0]);
        Assert.Contains("--- Caused by System.IO.IOException: disk ---", report.StackTrace);
    }

    [Fact]
    public void An_aggregate_with_several_exceptions_stays_and_lists_them()
    {
        var report = ErrorReport.FromException(new AggregateException(new ArgumentException("a"), new FormatException("b")));

        Assert.Equal("AggregateException", report.ErrorType);
        Assert.Contains("--- Caused by System.ArgumentException: a ---", report.StackTrace);
        Assert.Contains("--- Caused by System.FormatException: b ---", report.StackTrace);
    }

    [Fact]
    public void A_serialization_exception_has_no_frames_unless_asked()
    {
        Exception caught;
        try
        {
            LambdaPayload.Deserialize("nope"u8.ToArray(), TestJson.Default.Greeting);
            throw new InvalidOperationException("unreachable");
        }
        catch (LambdaSerializationException ex)
        {
            caught = ex;
        }

        Assert.Empty(ErrorReport.FromException(caught).StackTrace);
        Assert.NotEmpty(ErrorReport.FromException(caught, includeStackTrace: true).StackTrace);
    }

    [Fact]
    public void Writes_lambdas_error_shape()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new ErrorReport("T", "m \"q\"", ["at A", "at B"]).WriteTo(writer);
        }

        Assert.Equal("""{"errorType":"T","errorMessage":"m \u0022q\u0022","stackTrace":["at A","at B"]}""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}

public sealed class LambdaPayloadTests
{
    [Fact]
    public void Deserialize_reads_source_generated_types()
    {
        var greeting = LambdaPayload.Deserialize("""{"name":"Ada"}"""u8.ToArray(), TestJson.Default.Greeting);

        Assert.Equal("Ada", greeting.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"name": 5}""")]
    public void Deserialize_throws_a_serialization_exception_for_bad_payloads(string payload)
    {
        var ex = Assert.Throws<LambdaSerializationException>(() =>
            LambdaPayload.Deserialize(Encoding.UTF8.GetBytes(payload), TestJson.Default.Greeting));

        Assert.StartsWith("The payload could not be deserialized as Greeting: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public void ReadJsonElement_outlives_the_payload_buffer()
    {
        var bytes = """{"a":[1,2]}"""u8.ToArray();
        var element = LambdaPayload.ReadJsonElement(bytes);
        Array.Clear(bytes);

        Assert.Equal(2, element.GetProperty("a").GetArrayLength());
        Assert.Throws<LambdaSerializationException>(() => LambdaPayload.ReadJsonElement("{x"u8.ToArray()));
    }

    [Fact]
    public void ReadString_and_OpenStream_give_the_raw_payload()
    {
        var bytes = Encoding.UTF8.GetBytes("xx\"héllo\"yy");
        var payload = bytes.AsMemory(2, bytes.Length - 4);

        Assert.Equal("\"héllo\"", LambdaPayload.ReadString(payload));
        using var stream = LambdaPayload.OpenStream(payload);
        Assert.False(stream.CanWrite);
        Assert.Equal("\"héllo\"", new StreamReader(stream).ReadToEnd());
    }
}

public sealed class LambdaResponseTests
{
    [Fact]
    public void Json_responses_are_written_into_the_reused_buffer()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Utf8JsonWriter? writer = null;

        var first = LambdaResponse.FromJson(new Reply("a", 1), TestJson.Default.Reply).GetBytes(buffer, ref writer);
        Assert.Equal("""{"message":"a","length":1}""", Encoding.UTF8.GetString(first.Span));
        var reusedWriter = writer;
        var second = LambdaResponse.FromJson("text", TestJson.Default.String).GetBytes(buffer, ref writer);

        Assert.Equal("\"text\"", Encoding.UTF8.GetString(second.Span));
        Assert.Same(reusedWriter, writer);
        Assert.True(LambdaResponse.Empty.GetBytes(buffer, ref writer).IsEmpty);
        Assert.True(default(LambdaResponse).GetBytes(buffer, ref writer).IsEmpty);
    }
}

public sealed class DefinitionTests
{
    [Fact]
    public void Definitions_validate_their_arguments()
    {
        Assert.Throws<ArgumentException>(() => new LambdaFunctionDefinition("", _ => _ => default));
        Assert.Throws<ArgumentNullException>(() => new LambdaFunctionDefinition("A", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LambdaFunctionDefinition("A", _ => _ => default, memorySize: -1));
        var definition = new LambdaFunctionDefinition("A", _ => _ => default, 1024, 30);
        Assert.Equal(("A", 1024, 30), (definition.Name, definition.MemorySize, definition.Timeout));
    }

    [Fact]
    public void The_log_level_accepts_lambdas_and_dotnets_names()
    {
        Assert.Equal(Serverless.LambdaLogLevel.Warning, LambdaLogWriter.ParseLevel("WARN"));
        Assert.Equal(Serverless.LambdaLogLevel.Debug, LambdaLogWriter.ParseLevel("debug"));
        Assert.Equal(Serverless.LambdaLogLevel.Critical, LambdaLogWriter.ParseLevel("FATAL"));
        Assert.Equal(Serverless.LambdaLogLevel.Information, LambdaLogWriter.ParseLevel(null));
        Assert.Equal(Serverless.LambdaLogLevel.Information, LambdaLogWriter.ParseLevel("nonsense"));
    }
}
