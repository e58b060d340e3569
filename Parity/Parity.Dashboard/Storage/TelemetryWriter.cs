using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>
/// Copies the current run's telemetry to the storage file in the background, in batched transactions, so that OTLP
/// ingest never waits on the disk. Memory stays authoritative: when the disk falls behind and the queue is full, the
/// oldest queued items are left out of the file only (the file keeps a run's newest items, the ones a restart
/// reloads), with a warning now and then. Whatever is queued is written on stop.
/// </summary>
public sealed class TelemetryWriter : IHostedService, IAsyncDisposable
{
    // Queued items may be evicted from memory already, so the queue's bound is memory on top of the caps: about 40 MB.
    public const int DefaultMaxQueuedItems = 32_768;

    private const int MaxItemsPerTransaction = 4_096;
    private static readonly TimeSpan DropWarningInterval = TimeSpan.FromSeconds(30);

    private readonly Channel<PendingRows> _queue = Channel.CreateUnbounded<PendingRows>();
    private readonly string _path;
    private readonly string _runId;
    private readonly DashboardOptions _caps;
    private readonly ILogger _logger;
    private readonly int _maxQueuedItems;
    private readonly Lock _loopLock = new();
    private Task? _loop;
    private long _queuedItems;
    private long _droppedSinceWarning;
    private long _droppedTotal;
    private long _writtenTotal;
    private long _lastDropWarning;

    public TelemetryWriter(string path, string runId, DashboardOptions caps, ILogger<TelemetryWriter> logger, int maxQueuedItems = DefaultMaxQueuedItems)
    {
        _path = path;
        _runId = runId;
        _caps = caps;
        _logger = logger;
        _maxQueuedItems = maxQueuedItems;
    }

    /// <summary>Items that never reached the file because newer ones pushed them out of the queue, or a write failed.</summary>
    public long DroppedItems => Interlocked.Read(ref _droppedTotal);

    public void Enqueue(IReadOnlyList<SpanRecord> spans) => Enqueue(new PendingRows(spans, [], []));

    public void Enqueue(IReadOnlyList<LogEntry> logs) => Enqueue(new PendingRows([], logs, []));

    public void Enqueue(IReadOnlyList<MetricPoint> points) => Enqueue(new PendingRows([], [], points));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureLoopStarted();
        return Task.CompletedTask;
    }

    /// <summary>Closes the queue and waits until everything queued is in the file (or the host gives up waiting).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await EnsureLoopStarted().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Stopped before {Count} queued telemetry items reached {Path}.", Interlocked.Read(ref _queuedItems), _path);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void Enqueue(PendingRows rows)
    {
        var count = rows.Count;
        if (count == 0)
        {
            return;
        }

        Interlocked.Add(ref _queuedItems, count);
        if (!_queue.Writer.TryWrite(rows))
        {
            Interlocked.Add(ref _queuedItems, -count);
            Dropped(count, "the dashboard is stopping");
            return;
        }

        while (Interlocked.Read(ref _queuedItems) > _maxQueuedItems && TryDequeue(out var oldest))
        {
            Dropped(oldest.Count, "the storage file fell behind; the newest items are kept");
        }
    }

    private bool TryDequeue(out PendingRows rows)
    {
        if (_queue.Reader.TryRead(out rows!))
        {
            Interlocked.Add(ref _queuedItems, -rows.Count);
            return true;
        }

        return false;
    }

    private Task EnsureLoopStarted()
    {
        lock (_loopLock)
        {
            return _loop ??= Task.Run(WriteUntilClosedAsync);
        }
    }

    private async Task WriteUntilClosedAsync()
    {
        SqliteConnection connection;
        try
        {
            connection = TelemetryDatabase.Open(_path);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Enqueue then keeps at most the queue's bound and warns about the rest.
            _logger.LogError("Cannot open {Path}; this run's telemetry stays in memory only: {Message}", _path, e.Message);
            return;
        }

        using var owned = connection;
        using var rows = new RunRowWriter(connection, _runId);
        var trimming = new RunTrimSchedule(connection, _runId, _caps);
        var batch = new List<PendingRows>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var count = 0;
            while (count < MaxItemsPerTransaction && TryDequeue(out var pending))
            {
                batch.Add(pending);
                count += pending.Count;
            }

            if (count == 0)
            {
                continue; // a sender took them first, to drop them
            }

            if (Write(rows, batch, count))
            {
                _writtenTotal += count;
                foreach (var pending in batch)
                {
                    trimming.Written(pending.Spans.Count, pending.Logs.Count, pending.Points.Count);
                }

                Trim(trimming.TrimDue);
            }

            batch.Clear();
        }

        Trim(() => RunRowWriter.Trim(connection, _runId, _caps));
        _logger.LogInformation(
            "Run {RunId}: {Written} telemetry items written to {Path}, {Dropped} kept in memory only.",
            _runId, _writtenTotal, _path, DroppedItems);
    }

    private bool Write(RunRowWriter rows, List<PendingRows> batch, int count)
    {
        try
        {
            rows.Write(batch.SelectMany(p => p.Spans), batch.SelectMany(p => p.Logs), batch.SelectMany(p => p.Points));
            return true;
        }
        catch (Exception e) when (e is SqliteException or JsonException)
        {
            Dropped(count, $"writing failed: {e.Message}");
            return false;
        }
    }

    private void Trim(Action trim)
    {
        try
        {
            trim();
        }
        catch (SqliteException e)
        {
            _logger.LogWarning("Trimming run {RunId} in {Path} to the caps failed: {Message}", _runId, _path, e.Message);
        }
    }

    private void Dropped(int count, string reason)
    {
        Interlocked.Add(ref _droppedTotal, count);
        var dropped = Interlocked.Add(ref _droppedSinceWarning, count);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastDropWarning);
        if ((last == 0 || now - last >= DropWarningInterval.TotalMilliseconds) && Interlocked.CompareExchange(ref _lastDropWarning, now, last) == last)
        {
            Interlocked.Add(ref _droppedSinceWarning, -dropped);
            _logger.LogWarning(
                "{Count} telemetry items were kept in memory only ({Reason}); they will be missing after a restart.", dropped, reason);
        }
    }

    private sealed record PendingRows(IReadOnlyList<SpanRecord> Spans, IReadOnlyList<LogEntry> Logs, IReadOnlyList<MetricPoint> Points)
    {
        public int Count => Spans.Count + Logs.Count + Points.Count;
    }
}
