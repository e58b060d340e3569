namespace Parity.Dashboard.Resources;

/// <summary>The AppHost's resources as the dashboard sees them: a live list, console output, and commands.</summary>
public interface IResourceSource
{
    /// <summary>False when the dashboard runs standalone, with no AppHost to read resources from.</summary>
    bool IsConfigured { get; }

    bool IsConnected { get; }

    /// <summary>The latest view of every resource, by name.</summary>
    IReadOnlyList<ResourceView> Resources { get; }

    /// <summary>Raised after <see cref="Resources"/> or <see cref="IsConnected"/> changed.</summary>
    event Action? Changed;

    /// <summary>The console lines the resource wrote so far, then every new line.</summary>
    IAsyncEnumerable<ConsoleLineView> WatchConsoleAsync(string resource, CancellationToken cancellationToken);

    /// <summary>Runs <c>stop</c>, <c>start</c> or <c>restart</c>; throws <see cref="ResourceCommandException"/> with the reason when refused.</summary>
    Task ExecuteCommandAsync(string resource, string command, CancellationToken cancellationToken);
}
