namespace Store.Messaging.Postgres;

/// <summary>One row of the outbox: a message serialized when its cause was committed, waiting to be published.</summary>
internal sealed record OutboxMessage(long Position, string MessageId, string Exchange, string RoutingKey, string Type, string Payload, string? TraceParent);
