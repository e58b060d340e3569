using Parity.Hosting.Orchestration;
using Parity.Tests;

namespace Parity.Hosting.Tests;

/// <summary>A restart of a resource behind its proxy is a swap: the new process serves before the old one stops.</summary>
public sealed class SwapTests
{
    [Fact]
    public async Task RestartSwapsInANewProcessWithoutAFailedRequestWhileDependentsKeepTheirProcesses()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var healthy = await app.WaitForHealthyAsync("api");
        await app.WaitForAsync("worker", s => s.State == ResourceState.Running);
        var (oldPid, workerPid) = (app.PidOf("api"), app.PidOf("worker"));

        using var stop = new CancellationTokenSource();
        var load = TestApp.RequestLoopAsync($"{healthy.Urls![0]}/pid", stop.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await app.ResourceCommands.RestartResourceAsync("api");
        var newPid = app.PidOf("api");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var (served, failures) = await load;

        Assert.Empty(failures);
        Assert.NotEqual(oldPid, newPid);
        Assert.Equal(new HashSet<int> { oldPid, newPid }, served.Select(int.Parse).ToHashSet());
        Assert.False(ProcessProbe.IsAlive(oldPid));
        Assert.Equal(workerPid, app.PidOf("worker"));
        var after = app.ResourceNotifications.Get("api")!;
        Assert.Equal((ResourceState.Healthy, 0), (after.State, after.Restarts));
        Assert.Equal(healthy.Urls, after.Urls);
        Assert.NotEqual(healthy.Replicas![0].Urls, after.Replicas![0].Urls); // a fresh port behind the same endpoint
        var logs = app.ResourceLogs.GetBacklog("api").Select(l => l.Text).ToList();
        Assert.Contains(logs, l => l.StartsWith($"[parity] swap: pid {newPid} serves after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryReplicaIsSwappedWithoutAFailedRequest()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health").WithReplicas(2);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var healthy = await app.WaitForHealthyAsync("api");
        var oldPids = healthy.Replicas!.Select(r => r.Pid!.Value).ToHashSet();

        using var stop = new CancellationTokenSource();
        var load = TestApp.RequestLoopAsync($"{healthy.Urls![0]}/pid", stop.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await app.ResourceCommands.RestartResourceAsync("api");
        var newPids = app.ResourceNotifications.Get("api")!.Replicas!.Select(r => r.Pid!.Value).ToHashSet();
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var (served, failures) = await load;

        Assert.Empty(failures);
        Assert.Equal(2, newPids.Count);
        Assert.Empty(newPids.Intersect(oldPids));
        Assert.Subset(oldPids.Union(newPids).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(), served);
        Assert.Contains(served, p => newPids.Contains(int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(oldPids, ProcessProbe.IsAlive);
        Assert.Equal(ResourceState.Healthy, app.ResourceNotifications.Get("api")!.State);
    }
}
