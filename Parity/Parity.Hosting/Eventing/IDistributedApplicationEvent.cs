namespace Parity.Hosting.Eventing;

/// <summary>An event published during the AppHost's life (before start, a resource ready, ...).</summary>
public interface IDistributedApplicationEvent;
