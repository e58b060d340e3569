using Microsoft.Extensions.Logging.Abstractions;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Tests;

public sealed class TelemetryWriterTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    [Fact]
    public async Task Stopping_writes_everything_still_queued()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("telemetry.db");
        var writer = new TelemetryWriter(database, "r1", new DashboardOptions(), NullLogger<TelemetryWriter>.Instance);
        for (var batch = 0; batch < 5; batch++)
        {
            writer.Enqueue([.. Enumerable.Range(0, 1_000).Select(n => Log($"{batch}-{n}"))]);
        }

        // Never started: everything is still queued when the host stops it.
        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5_000, StoredRows.Count(database, "logs", "r1"));
        Assert.Equal(0, writer.DroppedItems);
    }

    [Fact]
    public async Task When_the_file_falls_behind_the_oldest_queued_items_give_way_and_memory_keeps_everything()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("telemetry.db");
        var writer = new TelemetryWriter(database, "r1", new DashboardOptions(), NullLogger<TelemetryWriter>.Instance, maxQueuedItems: 100);
        var store = new PersistedTelemetryStore(new InMemoryTelemetryStore(1_000, 1_000, 1_000), writer);

        // Not started, so the file falls behind by everything: the third batch pushes the first out of the queue.
        for (var batch = 0; batch < 3; batch++)
        {
            store.AddLogs(Enumerable.Range(0, 50).Select(n => Log($"{batch}-{n}")));
        }

        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, store.GetLogs(new LogQuery(null, 0, null, 1_000)).Count);
        Assert.Equal(50, writer.DroppedItems);
        var reloaded = new InMemoryTelemetryStore(1_000, 1_000, 1_000);
        using (var connection = TelemetryDatabase.Open(database))
        {
            RunRowLoader.Load(connection, "r1", reloaded);
        }

        var batches = reloaded.GetLogs(new LogQuery(null, 0, null, 1_000)).Select(l => l.Body.Split('-')[0]).Distinct();
        Assert.Equal(["1", "2"], batches);
    }

    [Fact]
    public void A_past_run_cannot_receive_telemetry()
    {
        var past = new ReadOnlyTelemetryStore(new InMemoryTelemetryStore(10, 10, 10));

        Assert.Throws<InvalidOperationException>(() => past.AddLogs([Log("late")]));
        Assert.Empty(past.GetLogs(new LogQuery(null, 0, null, 10)));
    }

    private static LogEntry Log(string body) =>
        new(DateTimeOffset.UtcNow, "Information", 9, body, "svc", NoAttributes, null, null);
}
