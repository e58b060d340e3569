namespace Parity.Hosting.ApplicationModel;

/// <summary>The image the cluster runs for a backing service, matching the major version run locally.</summary>
/// <param name="Entrypoint">Replaces the image's entrypoint (e.g. a shell, to expand a password variable into arguments).</param>
public sealed record ContainerImageAnnotation(string Image, string Tag, string? Registry = null, string? Entrypoint = null) : IResourceAnnotation
{
    public string Reference => $"{(Registry is null ? "" : Registry + "/")}{Image}:{Tag}";
}
