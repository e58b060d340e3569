using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parity.Hosting.ApplicationModel;

public sealed class ExecuteCommandContext
{
    /// <summary>The AppHost's services (the model, the resource notification service, ...).</summary>
    public required IServiceProvider ServiceProvider { get; init; }

    public required string ResourceName { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    /// <summary>Writes to the resource's console output.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
