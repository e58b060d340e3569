namespace Parity.Dashboard.Resources;

/// <summary>
/// How long to wait before the next attempt to reach the AppHost: short at first (it is usually just starting, or
/// the dashboard was just restarted), doubling up to a cap so that a dashboard left without its AppHost stays cheap.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan first, TimeSpan max)
{
    private TimeSpan? _next;

    public TimeSpan Next()
    {
        var delay = _next ?? first;
        _next = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
        return delay;
    }

    /// <summary>After a connection succeeded: the next loss is retried quickly again.</summary>
    public void Reset() => _next = null;
}
