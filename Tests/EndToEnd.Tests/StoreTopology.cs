using Parity.Hosting;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>The reference AppHost's whole topology, started once for every test of the store collection.</summary>
public sealed class StoreTopology : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await WaitForServicesAsync(App, timeout.Token);
    }

    /// <summary>Waits until every service of the store is healthy: the gateway starts beside them, not after them.</summary>
    public static async Task WaitForServicesAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        foreach (var service in (string[])["customers", "orders", "catalog", "notifications", "recommendations", "gateway"])
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(nameof(StoreCollection))]
public sealed class StoreCollection : ICollectionFixture<StoreTopology>;
