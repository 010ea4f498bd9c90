using System.Text.Json.Serialization;

namespace WithoutStartup;

public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed record Tick(DateTimeOffset At);

[JsonSerializable(typeof(Tick))]
public partial class AppJson : JsonSerializerContext;

public sealed class Clocked(IClock clock)
{
    [LambdaFunction]
    public Tick Now() => new(clock.Now);
}
