using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A resource's state as a command's <c>updateState</c> callback sees it, with Aspire's vocabulary: <see cref="State"/>
/// is NotStarted, Waiting, Starting, Running, Exited, Finished or FailedToStart; <see cref="HealthStatus"/> is set
/// while it runs with a health check.
/// </summary>
public sealed record CustomResourceSnapshot
{
    public required string ResourceType { get; init; }

    public ResourceStateSnapshot? State { get; init; }

    public HealthStatus? HealthStatus { get; init; }

    public int? ExitCode { get; init; }

    public DateTime? StartTimeStamp { get; init; }
}
