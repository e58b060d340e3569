using Store.Messaging.Contracts;

namespace Store.Messaging.RabbitMQ;

/// <summary>The exchanges a service publishes to, which its <see cref="MessagePublisher"/> declares before publishing.</summary>
public sealed record PublishedExchanges(IReadOnlyList<Exchange> All);
