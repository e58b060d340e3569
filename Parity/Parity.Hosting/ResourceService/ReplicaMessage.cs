namespace Parity.Hosting.ResourceService;

/// <summary>One replica on the wire (the dashboard's <c>ReplicaView</c>).</summary>
internal sealed record ReplicaMessage(int Index, int? Pid, string State, IReadOnlyList<string> Urls);
