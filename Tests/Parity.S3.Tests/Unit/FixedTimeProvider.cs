namespace Parity.S3.Tests.Unit;

/// <summary>A clock stopped at one instant, so AWS's 2013 signature examples are still fresh.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
