using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Store.Messaging.RabbitMQ;

/// <summary>
/// Consumes one queue with manual acknowledgements: a message is acked only after its handler succeeded, so a
/// crash redelivers it (handlers are idempotent). The producer's trace continues in the consumer's activity.
/// The consumer declares its queue, the exchange it is bound to and the binding, so it may start before the sender.
/// </summary>
public abstract class MessageConsumer(RabbitMqConnection connection, ILogger logger, QueueBinding binding) : BackgroundService
{

    protected abstract Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var channel = await (await connection.GetAsync(stoppingToken)).CreateChannelAsync(cancellationToken: stoppingToken);
                await RabbitMqTopology.DeclareQueueAsync(channel, binding, stoppingToken);
                await channel.BasicQosAsync(0, prefetchCount: 16, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => DeliverAsync(channel, delivery, stoppingToken);
                await channel.BasicConsumeAsync(binding.Queue, autoAck: false, consumer, stoppingToken);
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
            {
                logger.LogWarning("RabbitMQ is not reachable for queue {Queue} ({Message}); retrying", binding.Queue, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var parent = MessageTracing.Extract(delivery.BasicProperties.Headers);
        using var activity = MessageTracing.Source.StartActivity($"{binding.Queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", binding.Queue);
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
            logger.LogError(e, "Handling message {MessageId} from {Queue} failed; it will be redelivered", message.MessageId, binding.Queue);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, stoppingToken);
        }
    }
}
