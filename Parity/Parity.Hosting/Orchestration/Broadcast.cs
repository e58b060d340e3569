using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// A state and the stream of its changes: a watcher first receives what the state holds, then every later item,
/// with nothing lost or repeated in between (both happen under one lock).
/// </summary>
internal sealed class Broadcast<T>
{
    private readonly object _gate = new();
    private readonly List<Channel<T>> _watchers = [];

    /// <summary>Reads the state consistently with publishing.</summary>
    public TResult Read<TResult>(Func<TResult> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>Applies an item to the state, then sends it to every watcher.</summary>
    public void Publish(T item, Action apply)
    {
        lock (_gate)
        {
            apply();
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(item);
            }
        }
    }

    /// <param name="current">What the state holds now, sent first.</param>
    public async IAsyncEnumerable<T> WatchAsync(Func<IEnumerable<T>> current, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<T>();
        lock (_gate)
        {
            foreach (var item in current())
            {
                channel.Writer.TryWrite(item);
            }
            _watchers.Add(channel);
        }
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
