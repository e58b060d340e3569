namespace Parity.Dashboard.Resources;

/// <param name="Index">0-based, as in the console lines of the replica.</param>
public sealed record ReplicaView(int Index, int? Pid, string State, IReadOnlyList<string> Urls);
