using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Usage: OrderThroughput <gateway-url> <orders> <concurrency>
// Places orders through the gateway for customers with ample credit, and measures orders/s end to end
// (accepted, then APPROVED by the saga) and the time from POST to APPROVED.
var gateway = new Uri(args[0]);
var total = int.Parse(args[1]);
var concurrency = int.Parse(args[2]);

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
var token = (await (await http.PostAsJsonAsync("/api/token", new { user = "bench" })).Content.ReadFromJsonAsync<JsonElement>())
    .GetProperty("access_token").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var customers = new long[concurrency];
for (var i = 0; i < concurrency; i++)
{
    using var created = await http.PostAsJsonAsync("/api/customers", new { name = $"bench-{i}", creditLimit = 1_000_000m });
    customers[i] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetInt64();
}

var latencies = new List<double>();
var next = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
{
    while (Interlocked.Increment(ref next) <= total)
    {
        var started = Stopwatch.GetTimestamp();
        using var placed = await http.PostAsJsonAsync("/api/orders", new { customerId = customers[worker], orderTotal = 1m });
        placed.EnsureSuccessStatusCode();
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("state").GetString() == "PENDING")
        {
            await Task.Delay(5);
        }
        lock (latencies)
        {
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}));
var elapsed = clock.Elapsed;

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"{"orders",8}  {"concurrency",11}  {"orders/s",9}  {"p50 ms",8}  {"p99 ms",8}  {"max ms",8}");
Console.WriteLine($"{total,8}  {concurrency,11}  {total / elapsed.TotalSeconds,9:0.0}  {Percentile(0.50),8:0.0}  {Percentile(0.99),8:0.0}  {latencies[^1],8:0.0}");
