namespace Compatibility.Tests;

/// <summary>A test's cancellation token that also fires after a generous limit, so a topology that never gets healthy fails the test instead of hanging it.</summary>
internal static class Deadline
{
    public static CancellationToken Token()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromMinutes(3));
        return source.Token;
    }
}
