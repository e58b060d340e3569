using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Parity.Dashboard.Tests;

/// <summary>Telemetry kept in the storage file across restarts of the dashboard, per run.</summary>
public sealed class TelemetryPersistenceTests
{
    private const string DatabaseName = "telemetry.db";

    [Fact]
    public async Task Telemetry_is_still_there_after_the_dashboard_restarts_with_the_same_run_id()
    {
        using var folder = new TemporaryFolder();
        var settings = Storage(folder, "r1");
        await using (var first = await RunningDashboard.StartAsync(settings))
        {
            // Stopped right after the exports: what the writer still has queued must be written on stop.
            await SendSampleAsync(first, trace: 1, "first");
        }

        await using var second = await RunningDashboard.StartAsync(settings);
        using var client = second.CreateFrontendClient();
        Assert.Equal([OtlpRequests.TraceId(1)], await TraceIdsAsync(client, ""));
        Assert.Equal(["first 1", "first 2"], await LogBodiesAsync(client, ""));
        Assert.Equal(new[] { 1.0, 2.0 }, await GaugeValuesAsync(client, ""));
        var run = Assert.Single((await GetJsonAsync(client, "/api/runs")).EnumerateArray());
        Assert.Equal(("r1", true), (run.GetProperty("id").GetString(), run.GetProperty("isCurrent").GetBoolean()));

        await SendSampleAsync(second, trace: 2, "second");
        Assert.Equal([OtlpRequests.TraceId(1), OtlpRequests.TraceId(2)], (await TraceIdsAsync(client, "")).Order());
        Assert.Equal(["first 1", "first 2", "second 1", "second 2"], await LogBodiesAsync(client, ""));
    }

    [Fact]
    public async Task A_new_run_starts_empty_and_the_previous_run_stays_readable_by_its_id()
    {
        using var folder = new TemporaryFolder();
        await using (var first = await RunningDashboard.StartAsync(Storage(folder, "r1")))
        {
            await SendSampleAsync(first, trace: 1, "first");
        }

        await using var second = await RunningDashboard.StartAsync(Storage(folder, "r2"));
        using var client = second.CreateFrontendClient();

        var runs = (await GetJsonAsync(client, "/api/runs")).EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString(), r.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal([("r2", true), ("r1", false)], runs);

        Assert.Empty(await TraceIdsAsync(client, ""));
        Assert.Empty(await LogBodiesAsync(client, ""));
        Assert.Empty(await GaugeValuesAsync(client, ""));
        Assert.Empty(await TraceIdsAsync(client, "run=r2"));

        Assert.Equal([OtlpRequests.TraceId(1)], await TraceIdsAsync(client, "run=r1"));
        Assert.Equal(["first 1", "first 2"], await LogBodiesAsync(client, "run=r1"));
        Assert.Equal(new[] { 1.0, 2.0 }, await GaugeValuesAsync(client, "run=r1"));

        foreach (var path in new[] { "/api/traces?run=nope", "/api/logs?run=nope", "/api/metrics?run=nope" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Only_the_newest_runs_are_kept()
    {
        using var folder = new TemporaryFolder();
        for (var n = 1; n <= 3; n++)
        {
            await using var dashboard = await RunningDashboard.StartAsync(Storage(folder, $"r{n}", ("Dashboard:KeepRuns", "2")));
            await SendSampleAsync(dashboard, trace: n, $"run {n}");
        }

        await using var fourth = await RunningDashboard.StartAsync(Storage(folder, "r3", ("Dashboard:KeepRuns", "2")));
        using var client = fourth.CreateFrontendClient();
        var runs = (await GetJsonAsync(client, "/api/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["r3", "r2"], runs);
        Assert.Equal([OtlpRequests.TraceId(2)], await TraceIdsAsync(client, "run=r2"));
        using var gone = await client.GetAsync("/api/traces?run=r1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var database = folder.File(DatabaseName);
        Assert.Equal((0, 0, 0), (
            StoredRows.Count(database, "spans", "r1"), StoredRows.Count(database, "logs", "r1"), StoredRows.Count(database, "metric_points", "r1")));
        Assert.Equal(2, StoredRows.Count(database, "logs", "r2"));
    }

    [Fact]
    public async Task Each_run_keeps_only_its_newest_items_up_to_the_caps_in_the_file()
    {
        using var folder = new TemporaryFolder();
        var settings = Storage(folder, "r1", ("Dashboard:MaxTraces", "3"), ("Dashboard:MaxLogs", "4"), ("Dashboard:MaxMetricPoints", "5"));
        await using (var dashboard = await RunningDashboard.StartAsync(settings))
        {
            for (var n = 1; n <= 8; n++)
            {
                await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/traces", OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(n)));
            }

            var bodies = Enumerable.Range(1, 10).Select(n => $"log {n}").ToArray();
            await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/logs", OtlpLogAndMetricRequests.Logs("svc", bodies));
            var values = Enumerable.Range(1, 10).Select(n => (double)n).ToArray();
            await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/metrics", OtlpLogAndMetricRequests.Gauge("svc", "load", values));
        }

        var database = folder.File(DatabaseName);
        Assert.Equal((3, 3, 4, 5), (
            StoredRows.Count(database, "spans", "r1", "trace_id"),
            StoredRows.Count(database, "spans", "r1"),
            StoredRows.Count(database, "logs", "r1"),
            StoredRows.Count(database, "metric_points", "r1")));

        await using var restarted = await RunningDashboard.StartAsync(settings);
        using var client = restarted.CreateFrontendClient();
        Assert.Equal(new[] { 6, 7, 8 }.Select(OtlpRequests.TraceId), (await TraceIdsAsync(client, "")).Order());
        Assert.Equal(["log 7", "log 8", "log 9", "log 10"], await LogBodiesAsync(client, ""));
        Assert.Equal(new[] { 6.0, 7.0, 8.0, 9.0, 10.0 }, await GaugeValuesAsync(client, ""));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_set_aside_and_a_new_one_is_started()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File(DatabaseName), new string('x', 8192), TestContext.Current.CancellationToken);
        var settings = Storage(folder, "r1");
        await using (var dashboard = await RunningDashboard.StartAsync(settings))
        {
            await SendSampleAsync(dashboard, trace: 1, "fresh");
        }

        var setAside = Assert.Single(Directory.GetFiles(folder.Path, $"{DatabaseName}.unreadable-*"));
        Assert.Equal(new string('x', 8192), await File.ReadAllTextAsync(setAside, TestContext.Current.CancellationToken));
        await using var restarted = await RunningDashboard.StartAsync(settings);
        using var client = restarted.CreateFrontendClient();
        Assert.Equal([OtlpRequests.TraceId(1)], await TraceIdsAsync(client, ""));
    }

    [Fact]
    public async Task A_storage_path_that_cannot_be_opened_leaves_the_run_in_memory()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File(DatabaseName)); // a folder where the file should be
        await using var dashboard = await RunningDashboard.StartAsync(Storage(folder, "r1"));

        await SendSampleAsync(dashboard, trace: 1, "kept");

        using var client = dashboard.CreateFrontendClient();
        Assert.Equal([OtlpRequests.TraceId(1)], await TraceIdsAsync(client, ""));
        Assert.Single((await GetJsonAsync(client, "/api/runs")).EnumerateArray());
    }

    private static Dictionary<string, string?> Storage(TemporaryFolder folder, string runId, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:StoragePath"] = folder.File(DatabaseName),
            ["Dashboard:RunId"] = runId,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>One single-span trace, two logs "<paramref name="label"/> 1" and "… 2", and a gauge with points 1 and 2.</summary>
    private static async Task SendSampleAsync(RunningDashboard dashboard, int trace, string label)
    {
        await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/traces", OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(trace)));
        await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/logs", OtlpLogAndMetricRequests.Logs("svc", $"{label} 1", $"{label} 2"));
        await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/metrics", OtlpLogAndMetricRequests.Gauge("svc", "load", 1, 2));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);

    private static async Task<string?[]> TraceIdsAsync(HttpClient client, string query) =>
        [.. (await GetJsonAsync(client, $"/api/traces?{query}")).EnumerateArray().Select(t => t.GetProperty("traceId").GetString())];

    private static async Task<string?[]> LogBodiesAsync(HttpClient client, string query) =>
        [.. (await GetJsonAsync(client, $"/api/logs?{query}")).EnumerateArray().Select(l => l.GetProperty("message").GetString())];

    private static async Task<double[]> GaugeValuesAsync(HttpClient client, string query) =>
        [.. (await GetJsonAsync(client, $"/api/metrics?{query}")).EnumerateArray()
            .SelectMany(i => i.GetProperty("points").EnumerateArray())
            .Select(p => p.GetProperty("value").GetDouble())];
}
