using System.Net;
using System.Net.Http.Json;
using Parity.Hosting;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>The reference AppHost started inside a test by Parity.Testing, as Aspire.Hosting.Testing does.</summary>
public sealed class TestingBuilderTests
{
    [Fact]
    public async Task TheAppHostsOwnTopologyStartsOnRandomPortsAndStopsWithTheTest()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(TestContext.Current.CancellationToken);
        Assert.Contains(builder.Resources, r => r.Name == "customers-migrations");
        Assert.Contains(builder.Resources, r => r.Name == "gateway");
        int[] pids;
        await using (var app = await builder.BuildAsync(TestContext.Current.CancellationToken))
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            await StoreTopology.WaitForServicesAsync(app, TestContext.Current.CancellationToken);

            using var gateway = await GatewayClient.SignInAsync(app.CreateHttpClient("gateway"), TestContext.Current.CancellationToken);
            Assert.NotEqual(5180, gateway.BaseAddress!.Port);
            using var created = await gateway.PostAsJsonAsync("/api/customers", new { name = "Ada", creditLimit = 15 }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            await app.ResourceCommands.RestartResourceAsync("customers");
            var customers = await app.ResourceNotifications.WaitForResourceHealthyAsync("customers", TestContext.Current.CancellationToken);
            Assert.Equal(ResourceState.Healthy, customers.State);
            pids = [.. app.ResourceNotifications.Current.SelectMany(s => s.Replicas ?? []).Select(r => r.Pid).OfType<int>()];
            Assert.Equal(13, pids.Length); // four backing services, six services, second replicas of customers, orders and notifications; migrations finished
        }

        Assert.DoesNotContain(pids, Parity.Tests.ProcessProbe.IsAlive);
    }

    [Fact]
    public async Task ATopologyDeclaredInTheTestRunsTheSameWay()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("sleeper", "sleep", ".", "30");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);

        var sleeper = await app.ResourceNotifications.WaitForResourceHealthyAsync("sleeper", TestContext.Current.CancellationToken);
        Assert.Equal(ResourceState.Running, sleeper.State);
    }
}
