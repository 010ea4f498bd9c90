namespace Serverless.Runtime;

/// <summary>The cancellation that fires shortly before an invocation's deadline.</summary>
internal static class InvocationCancellation
{
    /// <summary>The default margin before the deadline.</summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long after <paramref name="now"/> the token fires: the deadline minus <paramref name="margin"/>, or
    /// minus a tenth of the remaining time when that is shorter (so a short timeout keeps most of its time);
    /// never negative.
    /// </summary>
    public static TimeSpan DelayUntilCancel(DateTimeOffset deadline, DateTimeOffset now, TimeSpan margin)
    {
        var remaining = deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var tenth = TimeSpan.FromTicks(remaining.Ticks / 10);
        var delay = remaining - (margin < tenth ? margin : tenth);
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    /// <summary>A source the caller disposes when the invocation ends.</summary>
    public static CancellationTokenSource Create(DateTimeOffset deadline, TimeSpan margin)
    {
        var delay = DelayUntilCancel(deadline, DateTimeOffset.UtcNow, margin);
        var source = new CancellationTokenSource();
        if (delay <= TimeSpan.Zero)
        {
            source.Cancel();
        }
        else if (delay.TotalMilliseconds < int.MaxValue - 1)
        {
            source.CancelAfter(delay);
        }

        return source;
    }
}
