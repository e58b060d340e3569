namespace Store.Messaging.Contracts;

/// <summary>
/// An exchange messages are sent to. <see cref="Type"/> is its AMQP type: the sender and every consumer declare the
/// exchange, whoever starts first, and must declare it alike.
/// </summary>
public sealed record Exchange(string Name, string Type);
