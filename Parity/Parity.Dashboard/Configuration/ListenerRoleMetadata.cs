namespace Parity.Dashboard.Configuration;

/// <summary>Endpoint metadata naming the only listener an endpoint may be reached on.</summary>
public sealed record ListenerRoleMetadata(ListenerRole Role);
