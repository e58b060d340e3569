using System.Text.Json;

namespace Store.Messaging.RabbitMQ;

public sealed record ReceivedMessage(string MessageId, string Type, ReadOnlyMemory<byte> Body, bool Redelivered)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body.Span)
        ?? throw new JsonException($"Message {MessageId} of type {Type} has an empty body.");
}
