using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Store.Messaging;

/// <summary>
/// Consumes one queue with manual acknowledgements: a message is acked only after its handler succeeded, so a
/// crash redelivers it (handlers are idempotent). The producer's trace continues in the consumer's activity.
/// </summary>
public abstract class MessageConsumer(RabbitMqConnection connection, ILogger logger, string queue) : BackgroundService
{
    protected abstract Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var channel = await (await connection.GetAsync(stoppingToken)).CreateChannelAsync(cancellationToken: stoppingToken);
                await MessagingTopology.DeclareAsync(channel, stoppingToken);
                await channel.BasicQosAsync(0, prefetchCount: 16, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => DeliverAsync(channel, delivery, stoppingToken);
                await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken);
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
            {
                logger.LogWarning("RabbitMQ is not reachable for queue {Queue} ({Message}); retrying", queue, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var parent = MessageTracing.Extract(delivery.BasicProperties.Headers);
        using var activity = MessageTracing.Source.StartActivity($"{queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", delivery.BasicProperties.MessageId);
        var message = new ReceivedMessage(delivery.BasicProperties.MessageId ?? "", delivery.BasicProperties.Type ?? "", delivery.Body.ToArray(), delivery.Redelivered);
        try
        {
            await HandleAsync(message, stoppingToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acked: the broker delivers it again, after a pause so a persistent failure does not spin.
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            logger.LogError(e, "Handling message {MessageId} from {Queue} failed; it will be redelivered", message.MessageId, queue);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, stoppingToken);
        }
    }
}
