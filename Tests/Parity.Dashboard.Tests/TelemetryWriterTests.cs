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
    public async Task What_does_not_fit_the_queue_is_left_out_of_the_file_but_kept_in_memory()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("telemetry.db");
        var writer = new TelemetryWriter(database, "r1", new DashboardOptions(), NullLogger<TelemetryWriter>.Instance, maxQueuedItems: 100);
        var store = new PersistedTelemetryStore(new InMemoryTelemetryStore(1_000, 1_000, 1_000), writer);

        for (var batch = 0; batch < 3; batch++)
        {
            store.AddLogs(Enumerable.Range(0, 50).Select(n => Log($"{batch}-{n}")));
        }

        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, store.GetLogs(new LogQuery(null, 0, null, 1_000)).Count);
        Assert.Equal(50, writer.DroppedItems);
        Assert.Equal(100, StoredRows.Count(database, "logs", "r1"));
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
