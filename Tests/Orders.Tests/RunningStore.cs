extern alias customers;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using customers::Customers;
using Npgsql;
using Parity.Hosting;
using Parity.Testing;
using RabbitMQ.Client;
using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Orders.Tests;

/// <summary>
/// Postgres (ordersdb, customersdb) and RabbitMQ started by the engine, both schemas migrated, and orders and
/// customers running in this process against them: the saga end to end, shared by a test class (RabbitMQ alone
/// takes seconds to start).
/// </summary>
public sealed class RunningStore : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>The backing services, to stop and start one.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The store has not started.");

    public ServiceFactory<Program> Orders { get; private set; } = null!;

    public ServiceFactory<customers::Program> Customers { get; private set; } = null!;

    public string RabbitMqConnectionString { get; private set; } = "";

    public string CustomersDbConnectionString { get; private set; } = "";

    public HttpClient OrdersClient { get; private set; } = null!;

    public HttpClient CustomersClient { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("postgres");
        postgres.AddDatabase(OrdersDatabase.Name);
        postgres.AddDatabase(CustomersDatabase.Name);
        builder.AddRabbitMQ("rabbitmq");
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in new[] { OrdersDatabase.Name, CustomersDatabase.Name, "rabbitmq" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        var ordersDb = await ConnectionStringAsync(OrdersDatabase.Name, timeout.Token);
        CustomersDbConnectionString = await ConnectionStringAsync(CustomersDatabase.Name, timeout.Token);
        RabbitMqConnectionString = await ConnectionStringAsync("rabbitmq", timeout.Token);
        await using (var ordersDatabase = NpgsqlDataSource.Create(ordersDb))
        {
            await OrdersSchema.ApplyAsync(ordersDatabase, timeout.Token);
        }
        await using (var customersDatabase = NpgsqlDataSource.Create(CustomersDbConnectionString))
        {
            await CustomersSchema.ApplyAsync(customersDatabase, timeout.Token);
        }
        await BindOrderEventsQueueAsync(timeout.Token);

        Orders = new(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{OrdersDatabase.Name}"] = ordersDb,
            ["ConnectionStrings:rabbitmq"] = RabbitMqConnectionString,
        });
        Customers = new(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{CustomersDatabase.Name}"] = CustomersDbConnectionString,
            ["ConnectionStrings:rabbitmq"] = RabbitMqConnectionString,
        });
        OrdersClient = Orders.CreateClient();
        CustomersClient = Customers.CreateClient();
    }

    /// <summary>
    /// In the store, notifications' queue receives the order events; here a queue of the tests stands in for it, so the
    /// orders outbox publishes its events to a bound queue as it does in the store (unroutable messages stay in the outbox).
    /// </summary>
    private async Task BindOrderEventsQueueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(RabbitMqConnectionString) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await RabbitMqTopology.DeclareQueueAsync(channel, new QueueBinding("orders-tests.order-events", Exchanges.OrderEvents, RoutingKey: ""), cancellationToken);
    }

    public async Task<long> CreateCustomerAsync(decimal creditLimit, CancellationToken cancellationToken)
    {
        using var response = await CustomersClient.PostAsJsonAsync("/customers", new { name = "Test customer", creditLimit }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("customerId").GetInt64();
    }

    public async Task<decimal> AvailableCreditAsync(long customerId, CancellationToken cancellationToken) =>
        (await CustomersClient.GetFromJsonAsync<JsonElement>($"/customers/{customerId}", cancellationToken)).GetProperty("availableCredit").GetDecimal();

    public async Task<Guid> PlaceOrderAsync(long customerId, decimal orderTotal, CancellationToken cancellationToken)
    {
        using var response = await OrdersClient.PostAsJsonAsync("/orders", new { customerId, orderTotal }, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid();
    }

    public async Task<JsonElement> GetOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        await OrdersClient.GetFromJsonAsync<JsonElement>($"/orders/{orderId}", cancellationToken);

    /// <summary>The order once the saga has settled it (APPROVED or REJECTED).</summary>
    public Task<JsonElement> WaitUntilSettledAsync(Guid orderId, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            () => GetOrderAsync(orderId, cancellationToken),
            order => order.GetProperty("state").GetString() != "PENDING",
            $"order {orderId} to leave PENDING",
            cancellationToken);

    /// <summary>Returns once customers has recorded the message as handled (its effect is then committed).</summary>
    public async Task WaitUntilProcessedByCustomersAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var database = NpgsqlDataSource.Create(CustomersDbConnectionString);
        await Poll.UntilAsync(
            async () =>
            {
                await using var command = database.CreateCommand("SELECT count(*) FROM processed_messages WHERE message_id = $1");
                command.Parameters.Add(new() { Value = messageId });
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            },
            count => count == 1,
            $"customers to handle message {messageId}",
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        OrdersClient?.Dispose();
        CustomersClient?.Dispose();
        if (Orders is not null)
        {
            await Orders.DisposeAsync();
        }
        if (Customers is not null)
        {
            await Customers.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken) =>
        await App.GetConnectionStringAsync(resource, cancellationToken)
        ?? throw new InvalidOperationException($"'{resource}' has no connection string.");
}
