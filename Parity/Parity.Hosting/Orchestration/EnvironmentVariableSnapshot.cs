namespace Parity.Hosting.Orchestration;

/// <summary>
/// One variable a resource's process was started with. <see cref="Value"/> is null when the value comes from a secret
/// (a secret parameter, a run's key, or an expression containing one, such as a connection string with a password):
/// a secret never leaves the engine through a snapshot.
/// </summary>
public sealed record EnvironmentVariableSnapshot(string Name, string? Value, bool IsSecret);
