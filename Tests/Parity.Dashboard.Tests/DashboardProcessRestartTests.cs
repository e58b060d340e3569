using System.Net.Http.Json;
using System.Text.Json;

namespace Parity.Dashboard.Tests;

public sealed class DashboardProcessRestartTests
{
    [Fact]
    public async Task A_dashboard_process_stopped_by_sigterm_and_started_again_for_the_same_run_reloads_its_telemetry()
    {
        using var folder = new TemporaryFolder();
        // The arguments the AppHost gives: the file in its state folder, and one run id for the whole AppHost run.
        string[] arguments = [$"--Dashboard:StoragePath={folder.File("telemetry.db")}", "--Dashboard:RunId=20250101-120000"];
        await using (var first = await DashboardProcess.StartAsync(arguments))
        {
            await OtlpHttpExport.SendAsync(first.OtlpHttpUrl, "/v1/traces", OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(42)));
            await OtlpHttpExport.SendAsync(first.OtlpHttpUrl, "/v1/logs", OtlpLogAndMetricRequests.Logs("svc", "before the restart"));
            Assert.Equal(0, await first.TerminateAsync());
        }

        await using var second = await DashboardProcess.StartAsync(arguments);
        using var client = second.CreateFrontendClient();
        var ct = TestContext.Current.CancellationToken;
        var traces = await client.GetFromJsonAsync<JsonElement>("/api/traces", ct);
        Assert.Equal(OtlpRequests.TraceId(42), Assert.Single(traces.EnumerateArray()).GetProperty("traceId").GetString());
        var logs = await client.GetFromJsonAsync<JsonElement>("/api/logs", ct);
        Assert.Equal("before the restart", Assert.Single(logs.EnumerateArray()).GetProperty("message").GetString());
        var run = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/runs", ct)).EnumerateArray());
        Assert.Equal("20250101-120000", run.GetProperty("id").GetString());
        Assert.Equal(0, await second.TerminateAsync());
    }
}
