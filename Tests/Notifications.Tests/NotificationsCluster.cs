using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Parity.Hosting;
using Parity.Testing;
using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

[assembly: AssemblyFixture(typeof(Notifications.Tests.NotificationsCluster))]

namespace Notifications.Tests;

/// <summary>
/// Real Redis and RabbitMQ started by the engine, and two replicas of the service sharing them, as in production.
/// Started once for the test assembly: the broker alone takes seconds to boot.
/// </summary>
public sealed class NotificationsCluster : IAsyncLifetime
{
    private DistributedApplication? _backingServices;
    private RabbitMqConnection? _rabbitMq;
    private MessagePublisher? _publisher;

    public NotificationsReplica First { get; private set; } = null!;

    public NotificationsReplica Second { get; private set; } = null!;

    /// <summary>What every replica is given: the connection strings the AppHost injects, and the gateway's signing key.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public async ValueTask InitializeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var builder = DistributedApplicationTestingBuilder.Create([], options => options.StopGracePeriod = TimeSpan.FromSeconds(3));
        builder.AddRedis("redis");
        builder.AddRabbitMQ("rabbitmq");
        _backingServices = await builder.BuildAsync(timeout.Token);
        await _backingServices.StartAsync(timeout.Token);
        foreach (var name in new[] { "redis", "rabbitmq" })
        {
            await _backingServices.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
            Settings[$"ConnectionStrings:{name}"] = await _backingServices.GetConnectionStringAsync(name, timeout.Token)
                ?? throw new InvalidOperationException($"{name} has no connection string.");
        }
        Settings[DevelopmentTokens.SigningKeySetting] = TestTokens.SigningKey;

        First = NotificationsReplica.Start(Settings);
        Second = NotificationsReplica.Start(Settings);
        _rabbitMq = new RabbitMqConnection(new ConfigurationBuilder().AddInMemoryCollection(Settings!).Build());
        _publisher = new MessagePublisher(_rabbitMq, new PublishedExchanges([Exchanges.OrderEvents]));
        // The queue the replicas consume, declared as their consumer declares it: an event published before their
        // consumers are up waits in it, as it does in the store once notifications has run.
        var channel = await (await _rabbitMq.GetAsync(timeout.Token)).CreateChannelAsync(cancellationToken: timeout.Token);
        await using (channel)
        {
            await RabbitMqTopology.DeclareQueueAsync(channel, OrderEventsConsumer.Queue, timeout.Token);
        }
    }

    /// <summary>Publishes the event as the orders service does.</summary>
    public Task PublishAsync(OrderStateChanged change, CancellationToken cancellationToken) =>
        _publisher!.PublishAsync(Exchanges.OrderEvents.Name, "", change, Guid.NewGuid().ToString(), traceParent: null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }
        if (_rabbitMq is not null)
        {
            await _rabbitMq.DisposeAsync();
        }
        if (First is not null)
        {
            await First.DisposeAsync();
        }
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }
        if (_backingServices is not null)
        {
            await _backingServices.DisposeAsync();
        }
    }
}
