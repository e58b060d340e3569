using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Parity.Hosting.Tests.Integrations;

public sealed class RabbitMQIntegrationTests(RunningRabbitMQ rabbit) : IClassFixture<RunningRabbitMQ>
{
    /// <summary>A publish then returns once the broker has the message on disk.</summary>
    private static readonly CreateChannelOptions WithPublisherConfirms = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    [Fact]
    public async Task DeliversAPublishedMessageToAConsumerThroughTheInjectedConnectionString()
    {
        Assert.Matches(@"^amqp://guest:\w{22}@localhost:\d+$", rabbit.ConnectionString);
        var token = TestContext.Current.CancellationToken;

        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbit.ConnectionString) }.CreateConnectionAsync(token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: token);
        await channel.QueueDeclareAsync("orders", durable: false, exclusive: false, autoDelete: true, cancellationToken: token);
        var received = new TaskCompletionSource<string>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync("orders", autoAck: true, consumer, token);
        await channel.BasicPublishAsync("", "orders", Encoding.UTF8.GetBytes("order-1"), token);

        Assert.Equal("order-1", await received.Task.WaitAsync(TestApp.Timeout()));
    }

    [Fact]
    public async Task TheManagementApiAnswersWithTheSameCredentials()
    {
        var credentials = Uri.UnescapeDataString(new Uri(rabbit.ConnectionString).UserInfo);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(rabbit.ManagementUrl, "/api/overview"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"rabbitmq_version\":\"3.10", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefusesAWrongPassword()
    {
        var uri = new UriBuilder(rabbit.ConnectionString) { Password = "wrong" }.Uri;

        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(
            () => new ConnectionFactory { Uri = uri }.CreateConnectionAsync(TestContext.Current.CancellationToken));

        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    [Fact]
    public async Task ADataVolumeKeepsDurableQueuesAndPersistentMessagesAcrossRunsWhileWithoutOneTheBrokerStartsEmpty()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        await using (var first = await StartKeptAndFreshAsync(state))
        {
            foreach (var name in (string[])["kept", "fresh"])
            {
                await using var connection = await ConnectAsync(first, name);
                await using var channel = await connection.CreateChannelAsync(WithPublisherConfirms, TestContext.Current.CancellationToken);
                await channel.QueueDeclareAsync("invoices", durable: true, exclusive: false, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);
                await channel.BasicPublishAsync("", "invoices", mandatory: true, new BasicProperties { Persistent = true },
                    Encoding.UTF8.GetBytes("invoice-1"), TestContext.Current.CancellationToken);
            }
        }

        await using var second = await StartKeptAndFreshAsync(state);
        await using (var kept = await ConnectAsync(second, "kept"))
        {
            await using var channel = await kept.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            var message = await channel.BasicGetAsync("invoices", autoAck: true, TestContext.Current.CancellationToken);
            Assert.Equal("invoice-1", message is null ? null : Encoding.UTF8.GetString(message.Body.Span));
        }
        await using var fresh = await ConnectAsync(second, "fresh");
        await using var freshChannel = await fresh.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => freshChannel.QueueDeclarePassiveAsync("invoices", TestContext.Current.CancellationToken));
        Assert.Equal<ushort?>(404, missing.ShutdownReason?.ReplyCode);
    }

    private static async Task<DistributedApplication> StartKeptAndFreshAsync(string stateDirectory)
    {
        var builder = TestApp.CreateBuilder(stateDirectory);
        builder.AddRabbitMQ("kept").WithDataVolume();
        builder.AddRabbitMQ("fresh");
        var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await Task.WhenAll(app.WaitForHealthyAsync("kept"), app.WaitForHealthyAsync("fresh"));
        return app;
    }

    private static async Task<IConnection> ConnectAsync(DistributedApplication app, string name)
    {
        var connectionString = await app.GetConnectionStringAsync(name, TestContext.Current.CancellationToken) ?? "";
        return await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
    }
}
