using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>The local port of every endpoint of a run: fixed where declared (unless ports are randomized), else allocated.</summary>
internal sealed class EndpointAllocation
{
    private readonly Dictionary<(string Resource, string Endpoint), int> _ports = [];
    private readonly Dictionary<(string Resource, string Endpoint), int[]> _replicaPorts = [];

    /// <param name="adoptable">Persistent processes of earlier runs, to be adopted: where no port is fixed, each keeps the one it listens on.</param>
    public static EndpointAllocation Allocate(DistributedApplicationModel model, bool randomizePorts, IReadOnlyList<PersistentRecord>? adoptable = null)
    {
        var allocation = new EndpointAllocation();
        var kept = (adoptable ?? []).SelectMany(r => r.Ports.Select(p => (Key: Key(r.Resource, p.Key), Port: p.Value))).ToDictionary(p => p.Key, p => p.Port);
        foreach (var resource in model.Resources)
        {
            foreach (var endpoint in resource.Endpoints())
            {
                var key = Key(resource.Name, endpoint.Name);
                allocation._ports[key] = FixedPort(resource, endpoint, randomizePorts)
                    ?? (kept.TryGetValue(key, out var port) ? port : PortAllocator.Allocate());
                if (RunsBehindProxy(resource))
                {
                    // Each replica listens on its own port; the endpoint's port is the proxy in front of them.
                    allocation._replicaPorts[key] = [.. Enumerable.Range(0, resource.ReplicaCount()).Select(_ => PortAllocator.Allocate())];
                }
            }
        }
        return allocation;
    }

    /// <summary>
    /// The port an endpoint must have locally, or null for any free one. Without proxies the process listens where
    /// others connect, so a port can move only when the engine tells the process (ASPNETCORE_URLS for projects, or
    /// the endpoint's environment variable, or a native launcher's configuration); otherwise the program's own port
    /// is kept. A natively run backing service's target port is its container's port: locally it gets a free one unless
    /// given. A container run by docker or podman shares the host's network: told its port through the endpoint's
    /// variable, it is like a backing service; otherwise it listens on its target port, like any program.
    /// </summary>
    public static int? FixedPort(IResource resource, EndpointAnnotation endpoint, bool randomizePorts)
    {
        if (resource is ContainerResource && (endpoint.EnvironmentVariable is not null || resource.AnnotationsOf<INativeLauncher>().Any()))
        {
            return randomizePorts ? null : endpoint.Port;
        }
        var engineTellsPort = resource is ProjectResource || endpoint.EnvironmentVariable is not null;
        return !engineTellsPort ? endpoint.TargetPort ?? endpoint.Port
            : randomizePorts ? null
            : endpoint.Port ?? endpoint.TargetPort;
    }

    public int PortOf(string resource, string endpoint) =>
        _ports.TryGetValue(Key(resource, endpoint), out var port)
            ? port
            : throw new DistributedApplicationException($"Resource '{resource}' has no endpoint named '{endpoint}'.");

    /// <summary>
    /// Whether the resource's processes listen on ports of their own behind a <see cref="ReplicaProxy"/> on the endpoint's
    /// port: a resource with replicas, and a project or program whose ports the engine tells it (so a new process can
    /// start beside the old one and take over without downtime), unless an endpoint says <c>isProxied: false</c> or
    /// the resource is persistent (it outlives the proxy) or the dashboard (every process sends it telemetry).
    /// </summary>
    public static bool RunsBehindProxy(IResource resource) =>
        resource.ReplicaCount() > 1
        || (resource is ProjectResource or ExecutableResource && resource is not DashboardResource && !resource.HasPersistentLifetime()
            && resource.Endpoints() is { Count: > 0 } endpoints
            && endpoints.All(e => e.IsProxied && (resource is ProjectResource || e.EnvironmentVariable is not null)));

    /// <summary>The ports a process of the resource listens on, by endpoint: a replica's first ones, fresh ones for a replacement, or the endpoints' own.</summary>
    public IReadOnlyDictionary<string, int> ProcessPorts(IResource resource, int replica, bool fresh) =>
        resource.Endpoints().ToDictionary(
            e => e.Name,
            e => fresh ? PortAllocator.Allocate()
                : _replicaPorts.TryGetValue(Key(resource.Name, e.Name), out var ports) ? ports[replica]
                : PortOf(resource.Name, e.Name),
            StringComparer.OrdinalIgnoreCase);

    public void Release()
    {
        foreach (var port in _ports.Values.Concat(_replicaPorts.Values.SelectMany(p => p)))
        {
            PortAllocator.Release(port);
        }
    }

    private static (string, string) Key(string resource, string endpoint) => (resource.ToLowerInvariant(), endpoint.ToLowerInvariant());
}
