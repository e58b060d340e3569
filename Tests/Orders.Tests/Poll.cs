using System.Diagnostics;

namespace Orders.Tests;

/// <summary>Waits for the eventually consistent outcome of asynchronous messaging.</summary>
public static class Poll
{
    // Generous: the saga takes milliseconds, but the machine may be busy with other builds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> isDone, string waitingFor, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (isDone(value))
            {
                return value;
            }
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Still waiting for {waitingFor} after {Patience.TotalSeconds} s; last seen: {value}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
