using System.Runtime.CompilerServices;

namespace Parity.Hosting.Orchestration;

/// <param name="Replica">Which replica wrote the line (0-based) when the resource runs several; null otherwise.</param>
public sealed record LogLine(string Resource, int? Replica, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>Every resource's console output: a bounded backlog per resource, and a live stream.</summary>
public sealed class ResourceLoggerService
{
    private const int BacklogLines = 10_000;
    private readonly Dictionary<string, Queue<LogLine>> _backlog = new(StringComparer.OrdinalIgnoreCase);
    private readonly Broadcast<LogLine> _lines = new();

    /// <summary>Lines already written for a resource (the last 10,000).</summary>
    public IReadOnlyList<LogLine> GetBacklog(string resource) =>
        _lines.Read(() => _backlog.TryGetValue(resource, out var lines) ? (IReadOnlyList<LogLine>)[.. lines] : []);

    /// <summary>The backlog of one resource (or of all, when null), then every new line.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync(string? resource = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var backlog = () => _backlog.Where(b => resource is null || string.Equals(b.Key, resource, StringComparison.OrdinalIgnoreCase)).SelectMany(b => b.Value);
        await foreach (var line in _lines.WatchAsync(backlog, cancellationToken))
        {
            if (resource is null || string.Equals(line.Resource, resource, StringComparison.OrdinalIgnoreCase))
            {
                yield return line;
            }
        }
    }

    internal void Write(LogLine line) => _lines.Publish(line, () =>
    {
        if (!_backlog.TryGetValue(line.Resource, out var lines))
        {
            _backlog[line.Resource] = lines = new Queue<LogLine>();
        }
        lines.Enqueue(line);
        if (lines.Count > BacklogLines)
        {
            lines.Dequeue();
        }
    });
}
