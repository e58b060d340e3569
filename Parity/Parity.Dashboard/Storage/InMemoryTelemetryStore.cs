using System.Collections.Concurrent;

namespace Parity.Dashboard.Storage;

/// <summary>Keeps the newest telemetry in memory up to fixed caps, evicting the oldest first.</summary>
public sealed class InMemoryTelemetryStore : ITelemetryStore
{
    private readonly int _maxTraces;
    private readonly int _maxLogs;
    private readonly int _maxMetricPoints;

    private readonly Lock _tracesLock = new();
    private readonly Dictionary<string, List<SpanRecord>> _spansByTrace = [];
    // Traces in order of first arrival, which decides eviction.
    private readonly Queue<string> _traceOrder = new();

    private readonly Lock _logsLock = new();
    private readonly Queue<LogEntry> _logs = new();

    private readonly Lock _metricsLock = new();
    private readonly Queue<MetricPoint> _metricPoints = new();

    private readonly ConcurrentDictionary<string, byte> _resources = new(StringComparer.Ordinal);

    private long _version;

    public InMemoryTelemetryStore(int maxTraces, int maxLogs, int maxMetricPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTraces, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLogs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMetricPoints, 1);
        _maxTraces = maxTraces;
        _maxLogs = maxLogs;
        _maxMetricPoints = maxMetricPoints;
    }

    public long Version => Interlocked.Read(ref _version);

    public int TraceCount
    {
        get
        {
            lock (_tracesLock)
            {
                return _spansByTrace.Count;
            }
        }
    }

    public void AddSpans(IEnumerable<SpanRecord> spans)
    {
        lock (_tracesLock)
        {
            foreach (var span in spans)
            {
                if (!_spansByTrace.TryGetValue(span.TraceId, out var list))
                {
                    list = [];
                    _spansByTrace[span.TraceId] = list;
                    _traceOrder.Enqueue(span.TraceId);
                    EvictTracesBeyondCap();
                }

                list.Add(span);
                RememberResource(span.Resource);
            }
        }

        Interlocked.Increment(ref _version);
    }

    public void AddLogs(IEnumerable<LogEntry> logs) => Append(_logsLock, _logs, logs, _maxLogs, log => log.Resource);

    public void AddMetricPoints(IEnumerable<MetricPoint> points) =>
        Append(_metricsLock, _metricPoints, points, _maxMetricPoints, point => point.Resource);

    public IReadOnlyList<string> ResourceNames => [.. _resources.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<TraceRecord> GetTraces(string? resource, int limit)
    {
        List<TraceRecord> snapshot;
        lock (_tracesLock)
        {
            snapshot = [.. _spansByTrace.Select(pair => new TraceRecord(pair.Key, [.. pair.Value]))];
        }

        return [.. snapshot
            .Where(t => string.IsNullOrEmpty(resource) || t.Spans.Any(s => s.Resource == resource))
            .OrderByDescending(t => t.StartTime)
            .Take(limit)];
    }

    public TraceRecord? GetTrace(string traceId)
    {
        lock (_tracesLock)
        {
            return _spansByTrace.TryGetValue(traceId, out var spans) ? new TraceRecord(traceId, [.. spans]) : null;
        }
    }

    public IReadOnlyList<LogEntry> GetLogs(LogQuery query)
    {
        LogEntry[] snapshot;
        lock (_logsLock)
        {
            snapshot = [.. _logs];
        }

        return [.. snapshot.Where(query.Matches).TakeLast(query.Limit)];
    }

    public IReadOnlyList<MetricPoint> GetMetricPoints(string? resource)
    {
        lock (_metricsLock)
        {
            return [.. _metricPoints.Where(p => string.IsNullOrEmpty(resource) || p.Resource == resource)];
        }
    }

    /// <summary>Adds items to a queue kept at its cap by dropping the oldest.</summary>
    private void Append<T>(Lock gate, Queue<T> queue, IEnumerable<T> items, int cap, Func<T, string> resourceOf)
    {
        lock (gate)
        {
            foreach (var item in items)
            {
                queue.Enqueue(item);
                if (queue.Count > cap)
                {
                    queue.Dequeue();
                }

                RememberResource(resourceOf(item));
            }
        }

        Interlocked.Increment(ref _version);
    }

    // Looked up before adding: the name is almost always known already, and a lookup takes no lock.
    private void RememberResource(string resource)
    {
        if (!_resources.ContainsKey(resource))
        {
            _resources.TryAdd(resource, 0);
        }
    }

    private void EvictTracesBeyondCap()
    {
        while (_spansByTrace.Count > _maxTraces && _traceOrder.TryDequeue(out var oldest))
        {
            _spansByTrace.Remove(oldest);
        }
    }
}
