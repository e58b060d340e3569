using Parity.Hosting;
using Parity.Testing;

namespace Compatibility.Tests;

/// <summary>Containers with their options, and Aspire's tool containers, beside natively run backing services.</summary>
public sealed class ContainerAppHostTests
{
    [Fact]
    public async Task WithoutAContainerRuntimeNothingStartsAndEachContainerIsNamed()
    {
        var ct = Deadline.Token();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ContainerAppHost>(
            [], options => options.ContainerRuntime = "/nowhere/podman", ct);
        await using var app = await builder.BuildAsync(ct);

        var error = await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => app.StartAsync(ct));

        Assert.Equal(["grafana", "pgadmin", "redisinsight", "seq", "worker"],
            error.Errors.Select(e => e.Split('\'')[1]).Order(StringComparer.Ordinal));
        Assert.All(error.Errors, e => Assert.Contains("/nowhere/podman", e));
        Assert.Empty(app.ResourceNotifications.Current);
    }

    [Fact]
    public async Task ContainersArePublishedWithTheirImageMountsAndEnvironment()
    {
        var published = await PublishedAppHost.PublishAsync(new Projects.ContainerAppHost());

        var grafana = published.Resource("grafana");
        Assert.Equal("container.v0", grafana["type"]!.GetValue<string>());
        Assert.Equal("docker.io/grafana/grafana:11.3.0", grafana["image"]!.GetValue<string>());
        Assert.Equal("/etc/grafana", grafana["bindMounts"]![0]!["target"]!.GetValue<string>());
        Assert.True(grafana["bindMounts"]![0]!["readOnly"]!.GetValue<bool>());
        Assert.Equal(3000, grafana["bindings"]!["http"]!["targetPort"]!.GetValue<int>());

        var worker = published.Resource("worker");
        Assert.Equal("/bin/sh", worker["entrypoint"]!.GetValue<string>());
        Assert.Equal("{appdb.connectionString}", worker["env"]!["ConnectionStrings__appdb"]!.GetValue<string>());

        Assert.Contains("grafana-statefulset.yaml", published.ClusterFiles);
        Assert.Contains("worker-deployment.yaml", published.ClusterFiles);
        Assert.Contains("image: datalust/seq:2024.3", published.ClusterFile("seq-deployment.yaml"));
    }
}
