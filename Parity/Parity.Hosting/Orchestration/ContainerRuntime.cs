using System.Diagnostics;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The program that runs containers locally: docker or podman. Docker first, as Aspire does, unless its daemon does not
/// answer and podman (which needs none) is there; <c>Parity:ContainerRuntime</c> (or Aspire's
/// <c>ASPIRE_CONTAINER_RUNTIME</c>) forces one, by name or path.
/// </summary>
internal sealed record ContainerRuntime(string Name, string Program)
{
    public static readonly string[] Known = ["docker", "podman"];

    /// <summary>The runtime to use, or why there is none (<see cref="ContainerRuntimeChoice.Problem"/>).</summary>
    /// <param name="setting">The forced runtime (a name or a path), or null to pick one.</param>
    /// <param name="searchPath">Where to look instead of PATH.</param>
    public static ContainerRuntimeChoice Choose(string? setting, string? searchPath = null)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            return Find(setting, searchPath) is { } forced
                ? new(new ContainerRuntime(Path.GetFileName(setting), forced), null)
                : new(null, $"the container runtime '{setting}' set by Parity:ContainerRuntime was not found: install it, or unset the setting to use docker or podman from PATH");
        }
        var docker = Find("docker", searchPath);
        var podman = Find("podman", searchPath);
        if (docker is not null && (podman is null || DaemonAnswers(docker)))
        {
            return new(new ContainerRuntime("docker", docker), null);
        }
        return podman is not null
            ? new(new ContainerRuntime("podman", podman), null)
            : new(null, "neither docker nor podman was found on PATH: install docker or podman (apt-get install podman)");
    }

    private static string? Find(string command, string? searchPath) =>
        searchPath is null || command.Contains('/')
            ? ExecutableLocator.Find(command)
            : searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);

    /// <summary>Docker's client is often installed without a reachable daemon (in containers, on CI); it then fails at once.</summary>
    private static bool DaemonAnswers(string docker)
    {
        var info = new ProcessStartInfo(docker) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["version", "--format", "{{.Server.Version}}"])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
        return process.ExitCode == 0;
    }
}

/// <summary>A runtime, or the reason (with its fix) why none can be used.</summary>
internal sealed record ContainerRuntimeChoice(ContainerRuntime? Runtime, string? Problem);
