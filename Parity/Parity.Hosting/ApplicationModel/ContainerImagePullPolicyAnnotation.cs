namespace Parity.Hosting.ApplicationModel;

/// <summary>The container's image pull policy (<c>WithImagePullPolicy</c>); the last one declared wins.</summary>
public sealed class ContainerImagePullPolicyAnnotation : IResourceAnnotation
{
    public required ImagePullPolicy ImagePullPolicy { get; set; }

    /// <summary>The policy declared for the resource, else <see cref="ImagePullPolicy.Default"/>.</summary>
    public static ImagePullPolicy Of(IResource resource) =>
        resource.AnnotationsOf<ContainerImagePullPolicyAnnotation>().LastOrDefault()?.ImagePullPolicy ?? ImagePullPolicy.Default;

    /// <summary>As docker, podman and Compose spell it (<c>--pull</c>, <c>pull_policy</c>), or null for the default.</summary>
    public static string? RuntimeValueOf(IResource resource) => Of(resource) switch
    {
        ImagePullPolicy.Always => "always",
        ImagePullPolicy.Missing => "missing",
        ImagePullPolicy.Never => "never",
        _ => null,
    };
}
