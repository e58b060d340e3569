using Parity.Testing;

namespace Parity.Hosting.Tests.Containers;

/// <summary>A container resource run for real by podman, through the engine: served, health-checked, removed at stop.</summary>
public sealed class ContainerRunTests : IDisposable
{
    private readonly DirectoryInfo _site = Directory.CreateTempSubdirectory("parity-site-");
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("parity-state-");

    public void Dispose()
    {
        _site.Delete(recursive: true);
        _state.Delete(recursive: true);
    }

    [Fact]
    public async Task AContainerReplacesWhatAKilledRunLeftServesFromItsBindMountWithItsEnvironmentAndIsGoneAfterStop()
    {
        var podman = ExecutableLocator.Find("podman");
        Assert.SkipWhen(podman is null, "podman is not installed (scripts/install-prerequisites.sh --tests installs it)");
        await BusyboxImage.EnsureAsync(podman);
        await File.WriteAllTextAsync(Path.Combine(_site.FullName, "index.html"), "hello from the bind mount", TestContext.Current.CancellationToken);
        var builder = DistributedApplicationTestingBuilder.Create([], options =>
        {
            options.StateDirectory = _state.FullName;
            options.ContainerRuntime = "podman";
            options.StopGracePeriod = TimeSpan.FromSeconds(3);
        });
        builder.AddContainer("web", BusyboxImage.Name, BusyboxImage.Tag)
            .WithHttpEndpoint(targetPort: 8080, env: "PORT")
            .WithEnvironment("GREETING", "hello from the environment")
            .WithBindMount(_site.FullName, "/site", isReadOnly: true)
            .WithEntrypoint("/bin/busybox")
            .WithArgs("sh", "-c", "busybox mkdir /www && busybox cp /site/index.html /www/ && echo \"$GREETING\" > /www/greeting.txt && exec busybox httpd -f -p \"$PORT\" -h /www")
            .WithContainerRuntimeArgs(SandboxRuntimeArgs())
            .WithHttpHealthCheck("/index.html");
        // What a SIGKILLed run of the same AppHost leaves: its container, still running, holding the name.
        var name = Orchestration.ContainerCommandLine.ContainerName(builder.Resources.Single(r => r.Name == "web"), _state.FullName, replica: null);
        Assert.Equal(0, await BusyboxImage.RunAsync(
            podman, ["run", "-d", "--name", name, .. SandboxRuntimeArgs(), $"{BusyboxImage.Name}:{BusyboxImage.Tag}", "/bin/busybox", "sleep", "600"]));
        await using var app = builder.Build();

        await app.StartAsync(TestApp.Timeout());
        var web = await app.WaitForHealthyAsync("web");

        Assert.Equal("hello from the bind mount", await TestApp.GetAsync($"{web.Urls![0]}/index.html"));
        Assert.Equal("hello from the environment\n", await TestApp.GetAsync($"{web.Urls[0]}/greeting.txt"));
        var running = await ContainersOf(podman, "web");
        Assert.Equal([name], running);
        await app.StopAsync(TestApp.Timeout());
        Assert.Empty(await ContainersOf(podman, "web"));
        Assert.Empty(await ContainersOf(podman, running[0], byName: true));
    }

    /// <summary>
    /// What this machine's sandbox needs, harmless elsewhere: it lets no process raise a resource limit, which podman does
    /// by default (open files, processes), and its hybrid cgroup layout is refused by crun, podman's default OCI runtime.
    /// </summary>
    private static string[] SandboxRuntimeArgs()
    {
        var openFiles = File.ReadLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[4];
        return ["--runtime", "runc", "--ulimit", $"nofile={openFiles}:{openFiles}", "--ulimit", "nproc=4096:4096"];
    }

    /// <summary>Every container, running or not, of the resource (by the engine's label) or with the exact name.</summary>
    private static async Task<List<string>> ContainersOf(string podman, string value, bool byName = false)
    {
        var filter = byName ? $"name=^{value}$" : $"label=parity.resource={value}";
        var (exitCode, output) = await BusyboxImage.CaptureAsync(podman, "ps", "--all", "--filter", filter, "--format", "{{.Names}}");
        Assert.Equal(0, exitCode);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
