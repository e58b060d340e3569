using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The <c>docker run</c> (or <c>podman run</c>) that runs a container resource locally, from its launch description
/// rendered for this machine. The container shares the host's network (<c>--network host</c>): the environment holds
/// <c>localhost</c> addresses of the other resources, which listen on loopback only, and the container's ports are
/// the host's (its endpoints' target ports, or the allocated ones when an endpoint tells the port through a variable).
/// Values reach the container as <c>-e NAME</c>, taken from the client's environment: no secret on a command line.
/// </summary>
internal static class ContainerCommandLine
{
    /// <summary>
    /// The container's name: the resource's, and the state folder's hash, so runs of different AppHosts (or tests) never
    /// collide, and a run finds the container a killed run of the same AppHost left behind.
    /// </summary>
    public static string ContainerName(IResource resource, string stateDirectory, int? replica)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateDirectory)))[..8];
        return replica is { } index ? $"{resource.Name}-{hash}-{index}" : $"{resource.Name}-{hash}";
    }

    public static ProcessSpec For(
        ContainerResource container, ContainerRuntime runtime, string containerName,
        IReadOnlyDictionary<string, string> environment, IEnumerable<string> args, string workingDirectory, TimeSpan stopGracePeriod)
    {
        var image = container.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Resource '{container.Name}' has no image. Call WithImage.");
        List<string> command = ["run", "--rm", "--name", containerName, "--network", "host", "--label", $"parity.resource={container.Name}"];
        foreach (var name in environment.Keys.Order(StringComparer.Ordinal))
        {
            command.AddRange(["-e", name]);
        }
        foreach (var mount in MountsOf(container))
        {
            command.AddRange(["-v", mount]);
        }
        if (image.Entrypoint is not null)
        {
            command.AddRange(["--entrypoint", image.Entrypoint]);
        }
        if (ContainerImagePullPolicyAnnotation.RuntimeValueOf(container) is { } pull)
        {
            command.Add($"--pull={pull}");
        }
        command.AddRange(container.AnnotationsOf<ContainerRuntimeArgsAnnotation>().SelectMany(a => a.Args));
        command.Add(image.Reference);
        command.AddRange(args);

        var seconds = Math.Max(1, (int)stopGracePeriod.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new ProcessSpec(runtime.Program, command, workingDirectory, environment)
        {
            // The client relays signals, but a container whose first process ignores SIGTERM would outlive it: the
            // runtime stops the container itself (SIGKILL after the grace period), and --rm removes it.
            StopCommand = new ProcessSpec(runtime.Program, ["stop", "-t", seconds, containerName], workingDirectory, new Dictionary<string, string>()),
        };
    }

    /// <summary>
    /// What removes a container a killed run of the same AppHost left behind (the name would be taken), at once: docker's
    /// forced removal kills; podman's would first wait 10 seconds for the container to stop.
    /// </summary>
    public static ProcessSpec RemoveLeftover(ContainerRuntime runtime, string containerName, string workingDirectory) =>
        new(runtime.Program, runtime.Name == "podman" ? ["rm", "--force", "--time", "0", containerName] : ["rm", "--force", containerName],
            workingDirectory, new Dictionary<string, string>());

    /// <summary>Data volumes, volumes and bind mounts as <c>-v</c> values: <c>source:target[:ro]</c>, or <c>target</c> for an anonymous volume.</summary>
    private static IEnumerable<string> MountsOf(ContainerResource container)
    {
        foreach (var volume in container.AnnotationsOf<VolumeAnnotation>())
        {
            yield return Mount(volume.Name, volume.ContainerPath, volume.IsReadOnly);
        }
        foreach (var mount in container.AnnotationsOf<ContainerMountAnnotation>())
        {
            yield return mount.Source is null ? mount.Target : Mount(mount.Source, mount.Target, mount.IsReadOnly);
        }
    }

    private static string Mount(string source, string target, bool isReadOnly) => $"{source}:{target}{(isReadOnly ? ":ro" : "")}";
}
