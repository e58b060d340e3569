using System.Reflection;

namespace Parity.Hosting;

/// <summary>
/// Lets the testing builder run an AppHost's own Main up to <c>Build()</c> and take its builder: within the flow
/// where it is set, a new builder gets the test's options, and <c>Build()</c> hands the builder over and stops Main.
/// </summary>
internal sealed class AppHostCapture(Action<DistributedApplicationOptions> configure, string appHostDirectory, Assembly appHostAssembly)
{
    private static readonly AsyncLocal<AppHostCapture?> CurrentCapture = new();

    public static AppHostCapture? Current
    {
        get => CurrentCapture.Value;
        set => CurrentCapture.Value = value;
    }

    public Action<DistributedApplicationOptions> Configure { get; } = configure;

    public string AppHostDirectory { get; } = appHostDirectory;

    /// <summary>The AppHost's own assembly, which names its extensions (the test's entry assembly is another).</summary>
    public Assembly AppHostAssembly { get; } = appHostAssembly;

    public DistributedApplicationBuilder? Builder { get; set; }
}
