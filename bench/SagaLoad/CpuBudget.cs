/// <summary>CPU seconds per process before and after the load: what each order costs each process.</summary>
internal sealed class CpuBudget(RunState run, int ticksPerSecond)
{
    private const string LoadClient = "load client (SagaLoad)";
    private readonly int _self = Environment.ProcessId;
    private Dictionary<string, double> _before = [];
    private double _machineBefore;

    public void Start()
    {
        _before = Sample();
        _machineBefore = ProcessCpu.MachineBusySeconds(ticksPerSecond);
    }

    public void PrintPerOrder(int orders)
    {
        var after = Sample();
        var machine = ProcessCpu.MachineBusySeconds(ticksPerSecond) - _machineBefore;
        var rows = after.Select(a => (Name: a.Key, Seconds: a.Value - _before.GetValueOrDefault(a.Key))).OrderByDescending(r => r.Seconds).ToList();
        var measured = rows.Sum(r => r.Seconds);
        var store = measured - rows.Single(r => r.Name == LoadClient).Seconds;
        rows.Add(("(other processes on the machine)", Math.Max(0, machine - measured)));
        Console.WriteLine($"{"process",-34}  {"cpu s",7}  {"cpu ms/order",12}  {"share",6}");
        foreach (var (name, seconds) in rows)
        {
            Console.WriteLine($"{name,-34}  {seconds,7:0.00}  {seconds * 1000 / orders,12:0.00}  {seconds / machine,6:P0}");
        }
        Console.WriteLine($"{"machine total",-34}  {machine,7:0.00}  {machine * 1000 / orders,12:0.00}  {1,6:P0}");
        Console.WriteLine($"{"store (every resource + AppHost)",-34}  {store,7:0.00}  {store * 1000 / orders,12:0.00}  {store / machine,6:P0}");
        // What the store could do with every core to itself, at this CPU cost per order.
        Console.WriteLine($"CPU-bound limit: {Environment.ProcessorCount} cores / {store * 1000 / orders:0.00} ms per order = {Environment.ProcessorCount * orders / store:0} orders/s");
    }

    private Dictionary<string, double> Sample()
    {
        var sample = new Dictionary<string, double>();
        foreach (var (resource, pids) in run.Resources)
        {
            sample[pids.Length > 1 ? $"{resource} (×{pids.Length})" : resource] = ProcessCpu.TreeSeconds(pids, ticksPerSecond).Values.Sum();
        }
        // The AppHost's children are the resources, counted above: only its own time here.
        sample["AppHost"] = ProcessCpu.TreeSeconds([run.AppHostPid], ticksPerSecond, withDescendants: false).Values.Sum();
        sample[LoadClient] = ProcessCpu.TreeSeconds([_self], ticksPerSecond).Values.Sum();
        return sample;
    }
}
