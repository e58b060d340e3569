using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// What an environment callback (<c>WithEnvironment(context => ...)</c>) works on: the variables built so far, to add
/// to, change or remove. Values may be strings or value providers (endpoints, parameters, resources with a connection
/// string, expressions); each target renders them. The callback runs once per target: <see cref="Target"/> and
/// <see cref="ExecutionContext"/> say which.
/// </summary>
public class EnvironmentCallbackContext(
    DistributedApplicationExecutionContext executionContext, Dictionary<string, object>? environmentVariables = null, CancellationToken cancellationToken = default)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public Dictionary<string, object> EnvironmentVariables { get; } = environmentVariables ?? [];

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The resource whose environment is being built.</summary>
    public IResource Resource { get; init; } = null!;

    /// <summary>Where the environment goes: a process on this machine, aspire-manifest.json, or a container in the cluster.</summary>
    public EnvironmentTarget Target { get; init; } = executionContext.IsRunMode ? EnvironmentTarget.Local : EnvironmentTarget.Manifest;
}
