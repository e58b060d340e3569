using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// How <c>deploy</c> builds the image of a resource published with <c>PublishAsDockerFile()</c>: <c>docker build</c>
/// (or <c>podman build</c> where only podman is installed) of its Dockerfile, tagged as the overlay pulls it, then
/// pushed when that name is in a registry.
/// </summary>
internal static class DockerfileImageBuild
{
    public static IEnumerable<ExternalCommand> Commands(DockerfileBuildAnnotation dockerfile, string image, bool push)
    {
        var engine = Engine();
        yield return new ExternalCommand(engine, ["build", "-t", image, "-f", dockerfile.DockerfilePath, dockerfile.ContextPath]);
        if (push)
        {
            yield return new ExternalCommand(engine, ["push", image]);
        }
    }

    /// <summary>docker when present, else podman; docker by default, so a dry run reads as it would on a usual machine.</summary>
    public static string Engine() =>
        ExecutableLocator.Find("docker") is not null ? "docker" : ExecutableLocator.Find("podman") is not null ? "podman" : "docker";
}
