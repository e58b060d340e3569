using System.Diagnostics;

// Usage: SagaLoad <run.json> <orders> <clients> <ceiling orders/s> <clock ticks/s>
// Places orders through the gateway for customers with ample credit, each client waiting for its order's APPROVED
// on the notifications stream before placing the next; prints orders/s end to end, POST → APPROVED latency, the ratio
// to the database's ceiling, and the CPU each process spent per order.
var run = RunState.Read(args[0]);
var total = int.Parse(args[1]);
var clients = int.Parse(args[2]);
var ceiling = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var ticksPerSecond = int.Parse(args[4]);

var client = await OrderClient.SignInAsync(run.Gateway);
var customers = new long[clients];
for (var i = 0; i < clients; i++)
{
    customers[i] = await client.CreateCustomerAsync($"bench-{i}");
}

// Warm-up, not measured: every process has compiled its paths and opened its connections.
await RunAsync(Math.Max(clients * 4, 100), []);

var budget = new CpuBudget(run, ticksPerSecond);
budget.Start();
var latencies = new List<double>(total);
var clock = Stopwatch.StartNew();
await RunAsync(total, latencies);
var elapsed = clock.Elapsed;

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
var throughput = total / elapsed.TotalSeconds;
Console.WriteLine($"{"orders",7}  {"clients",7}  {"orders/s",8}  {"p50 ms",7}  {"p99 ms",7}  {"max ms",7}  {"ceiling orders/s",16}  {"ratio",5}");
Console.WriteLine($"{total,7}  {clients,7}  {throughput,8:0.0}  {Percentile(0.50),7:0.0}  {Percentile(0.99),7:0.0}  {latencies[^1],7:0.0}  {ceiling,16:0.0}  {throughput / ceiling,5:0.00}");
Console.WriteLine();
budget.PrintPerOrder(total);

async Task RunAsync(int orders, List<double> measured)
{
    var next = 0;
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
    {
        while (Interlocked.Increment(ref next) <= orders)
        {
            var started = Stopwatch.GetTimestamp();
            var state = await client.PlaceAndAwaitAsync(customers[worker], CancellationToken.None);
            if (state != "APPROVED")
            {
                throw new InvalidOperationException($"An order was {state}, not APPROVED.");
            }
            lock (measured)
            {
                measured.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }));
}
