using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;

// Usage: DashboardIngest <Parity.Dashboard.dll> <memory|file> <seconds per protocol> <senders> [server|workstation]
// Starts the dashboard as the AppHost does (a child process; "file" adds a storage file in a temporary folder) and
// prints one markdown table row: resident memory at idle, OTLP ingest in spans/s over HTTP/protobuf and over gRPC (with
// the arrival checked through /api/traces), resident memory once every cap is full, and what reached the file.
var dll = args[0];
var persisted = args[1] == "file";
var duration = TimeSpan.FromSeconds(int.Parse(args[2], CultureInfo.InvariantCulture));
var senders = int.Parse(args[3], CultureInfo.InvariantCulture);
var serverGc = args.ElementAtOrDefault(4) != "workstation";

var folder = Directory.CreateTempSubdirectory("parity-dashboard-bench-");
var storagePath = persisted ? Path.Combine(folder.FullName, "telemetry.db") : null;
try
{
    await using var dashboard = await DashboardChild.StartAsync(dll, storagePath, serverGc);
    await Task.Delay(TimeSpan.FromSeconds(3));
    var idle = dashboard.ResidentMegabytes();

    var http = await OtlpLoad.OverHttpAsync(dashboard, senders, duration);
    var httpArrived = await ArrivedAsync(dashboard, http.LastTraceId);
    var grpc = await OtlpLoad.OverGrpcAsync(dashboard, senders, duration);
    var grpcArrived = await ArrivedAsync(dashboard, grpc.LastTraceId);

    // Traces are past their cap by now; logs (10k) and metric points (50k) are filled here.
    using (var otlp = new HttpClient { BaseAddress = new Uri(dashboard.OtlpHttpUrl) })
    {
        for (var n = 0; n < 20; n++)
        {
            await PostAsync(otlp, "/v1/logs", OtlpBatches.Logs(512));
        }

        for (var n = 0; n < 100; n++)
        {
            await PostAsync(otlp, "/v1/metrics", OtlpBatches.MetricPoints(512));
        }
    }

    await Task.Delay(TimeSpan.FromSeconds(3));
    var full = dashboard.ResidentMegabytes();
    var kept = await CountsAsync(dashboard);

    await dashboard.StopAsync();
    var file = "memory only";
    if (storagePath is not null)
    {
        var written = Regex.Match(dashboard.Output, @"(\d+) telemetry items written to .*?, (\d+) kept in memory only");
        var size = new FileInfo(storagePath).Length / 1024.0 / 1024.0;
        file = written.Success
            ? $"{size:0} MiB; {written.Groups[1].Value} written, {written.Groups[2].Value} memory only"
            : $"{size:0} MiB; no flush report";
    }

    Console.WriteLine(
        $"| {(persisted ? "SQLite file" : "memory")}, {(serverGc ? "server" : "workstation")} GC | {idle:0} | {http.SpansPerSecond:0} {Check(httpArrived)} | {grpc.SpansPerSecond:0} {Check(grpcArrived)} " +
        $"| {full:0} | {kept} | {file} |");
}
finally
{
    folder.Delete(recursive: true);
}

static string Check(bool arrived) => arrived ? "✓" : "✗ (last batch missing)";

static async Task PostAsync(HttpClient otlp, string path, IMessage message)
{
    using var content = new ByteArrayContent(message.ToByteArray());
    content.Headers.ContentType = new("application/x-protobuf");
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    request.Headers.Add("x-otlp-api-key", DashboardChild.ApiKey);
    using var response = await otlp.SendAsync(request);
    response.EnsureSuccessStatusCode();
}

// The last trace a sender got accepted is among the newest the API returns.
static async Task<bool> ArrivedAsync(DashboardChild dashboard, string traceId)
{
    var traces = await dashboard.Frontend.GetFromJsonAsync<JsonElement>("/api/traces?limit=10000");
    return traces.EnumerateArray().Any(t => t.GetProperty("traceId").GetString() == traceId);
}

static async Task<string> CountsAsync(DashboardChild dashboard)
{
    var traces = (await dashboard.Frontend.GetFromJsonAsync<JsonElement>("/api/traces?limit=10000")).GetArrayLength();
    var logs = (await dashboard.Frontend.GetFromJsonAsync<JsonElement>("/api/logs?limit=10000")).GetArrayLength();
    var points = (await dashboard.Frontend.GetFromJsonAsync<JsonElement>("/api/metrics")).EnumerateArray()
        .Sum(i => i.GetProperty("points").GetArrayLength());
    return $"{traces} / {logs} / {points}";
}
