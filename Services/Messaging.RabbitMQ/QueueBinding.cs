using Store.Messaging.Contracts;

namespace Store.Messaging.RabbitMQ;

/// <summary>A consumer's durable queue and what it receives: the messages sent to <see cref="Exchange"/> under <see cref="RoutingKey"/>.</summary>
public sealed record QueueBinding(string Queue, Exchange Exchange, string RoutingKey);
