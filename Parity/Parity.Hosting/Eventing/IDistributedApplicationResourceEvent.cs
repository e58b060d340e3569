using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Eventing;

/// <summary>An event about one resource; subscribers may listen to one resource only.</summary>
public interface IDistributedApplicationResourceEvent : IDistributedApplicationEvent
{
    IResource Resource { get; }
}
