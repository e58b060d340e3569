using System.Text.Json;

/// <summary>The reference AppHost's run.json: the gateway's address and the pids of every resource's replicas.</summary>
internal sealed record RunState(Uri Gateway, int AppHostPid, IReadOnlyList<(string Resource, int[] Pids)> Resources)
{
    public static RunState Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var resources = new List<(string, int[])>();
        Uri? gateway = null;
        foreach (var resource in root.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            var pids = resource.GetProperty("replicas").EnumerateArray()
                .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
                .Select(r => r.GetProperty("pid").GetInt32()).ToArray();
            if (pids.Length > 0)
            {
                resources.Add((name, pids));
            }
            if (name == "gateway")
            {
                gateway = new Uri(resource.GetProperty("urls")[0].GetProperty("url").GetString()!);
            }
        }
        return new RunState(gateway ?? throw new InvalidOperationException("run.json has no gateway."), root.GetProperty("appHostPid").GetInt32(), resources);
    }
}
