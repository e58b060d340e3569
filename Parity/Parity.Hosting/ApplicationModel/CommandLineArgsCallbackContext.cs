using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// What an arguments callback (<c>WithArgs(context => ...)</c>) works on: the arguments so far, to add to or change.
/// Like environment values, arguments may be strings or value providers, rendered per target.
/// </summary>
public sealed class CommandLineArgsCallbackContext(IList<object> args, CancellationToken cancellationToken = default)
{
    public IList<object> Args { get; } = args;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public DistributedApplicationExecutionContext ExecutionContext { get; init; } = new(DistributedApplicationOperation.Run);

    public ILogger Logger { get; init; } = NullLogger.Instance;

    public IResource Resource { get; init; } = null!;

    public EnvironmentTarget Target { get; init; } = EnvironmentTarget.Local;
}
