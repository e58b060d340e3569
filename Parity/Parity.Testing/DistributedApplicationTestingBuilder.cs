using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Parity.Testing;

/// <summary>Starts a whole topology inside a test: the AppHost's own (<c>CreateAsync&lt;Projects.AppHost&gt;</c>), or one built in the test.</summary>
public static class DistributedApplicationTestingBuilder
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : IProjectMetadata, new() =>
        CreateAsync<TEntryPoint>([], configureOptions: null, cancellationToken);

    /// <summary>Runs the AppHost's Main up to <c>Build()</c> and returns its builder, to change further and build.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(
        string[] args, Action<DistributedApplicationOptions>? configureOptions = null, CancellationToken cancellationToken = default)
        where TEntryPoint : IProjectMetadata, new()
    {
        var appHost = new TEntryPoint();
        var assembly = AppHostAssemblyLoader.Load(appHost);
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"'{assembly.Location}' has no entry point: is '{appHost.ProjectPath}' an AppHost?");
        var capture = new AppHostCapture(options => ApplyTestDefaults(options, configureOptions), Path.GetDirectoryName(appHost.ProjectPath)!, assembly);

        await Task.Run(() =>
        {
            AppHostCapture.Current = capture;
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            }
            catch (TargetInvocationException e) when (e.InnerException is HostAbortedException)
            {
                // expected: Build() handed the builder over and stopped Main
            }
        }, cancellationToken);

        return capture.Builder is { } builder
            ? new TestingBuilder(builder)
            : throw new InvalidOperationException($"The AppHost '{appHost.ProjectPath}' returned without calling Build().");
    }

    /// <summary>An empty builder with the test defaults, for a topology declared in the test itself.</summary>
    public static IDistributedApplicationTestingBuilder Create(params string[] args) => Create(args, configureOptions: null);

    /// <param name="configureOptions">
    /// Applied after the test defaults (random ports, a fresh state folder, quiet output, no dashboard, every resource
    /// living for the session, no ahead-of-time compilation). A test that needs the dashboard, and the resource service
    /// it reads, opts in with <c>options.DisableDashboard = false</c>.
    /// </param>
    public static IDistributedApplicationTestingBuilder Create(string[] args, Action<DistributedApplicationOptions>? configureOptions)
    {
        var options = new DistributedApplicationOptions { Args = args };
        ApplyTestDefaults(options, configureOptions);
        return new TestingBuilder(new DistributedApplicationBuilder(options));
    }

    private static void ApplyTestDefaults(DistributedApplicationOptions options, Action<DistributedApplicationOptions>? configure)
    {
        options.RandomizePorts = true;
        options.PrintResourceOutput = false;
        options.DisableDashboard = true;
        options.KeepPersistentResources = false;
        options.ReadyToRun = false;
        options.StateDirectory = Directory.CreateTempSubdirectory("parity-test-").FullName;
        configure?.Invoke(options);
    }
}
