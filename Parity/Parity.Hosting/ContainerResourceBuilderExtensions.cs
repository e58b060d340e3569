using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>Containers and their options: image, mounts, entrypoint, runtime options and lifetime.</summary>
public static class ContainerResourceBuilderExtensions
{
    private const string DefaultTag = "latest";

    /// <summary>A container of <paramref name="image"/> (which may carry its tag: <c>nginx:1.27</c>), <c>latest</c> otherwise.</summary>
    public static IResourceBuilder<ContainerResource> AddContainer(this IDistributedApplicationBuilder builder, string name, string image) =>
        builder.AddResource(new ContainerResource(name)).WithImage(image);

    public static IResourceBuilder<ContainerResource> AddContainer(this IDistributedApplicationBuilder builder, string name, string image, string tag) =>
        builder.AddResource(new ContainerResource(name)).WithImage(image, tag);

    /// <summary>Sets the image; without <paramref name="tag"/>, the one in <paramref name="image"/> or <c>latest</c>.</summary>
    public static IResourceBuilder<T> WithImage<T>(this IResourceBuilder<T> builder, string image, string? tag = null) where T : ContainerResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var (name, parsedTag) = SplitTag(image);
        var current = builder.Resource.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault();
        return builder.ReplaceImage(current is null
            ? new ContainerImageAnnotation(name, tag ?? parsedTag ?? DefaultTag)
            : current with { Image = name, Tag = tag ?? parsedTag ?? DefaultTag });
    }

    public static IResourceBuilder<T> WithImageTag<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return builder.ReplaceImage(ImageOf(builder) with { Tag = tag });
    }

    public static IResourceBuilder<T> WithImageRegistry<T>(this IResourceBuilder<T> builder, string? registry) where T : ContainerResource =>
        builder.ReplaceImage(ImageOf(builder) with { Registry = string.IsNullOrWhiteSpace(registry) ? null : registry });

    /// <summary>Replaces the image's entrypoint, locally and in the published container.</summary>
    public static IResourceBuilder<T> WithEntrypoint<T>(this IResourceBuilder<T> builder, string entrypoint) where T : ContainerResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entrypoint);
        return builder.ReplaceImage(ImageOf(builder) with { Entrypoint = entrypoint });
    }

    /// <summary>A named volume at <paramref name="target"/>; a null name makes an anonymous one, removed with the container.</summary>
    public static IResourceBuilder<T> WithVolume<T>(this IResourceBuilder<T> builder, string? name, string target, bool isReadOnly = false)
        where T : ContainerResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return builder.WithAnnotation(new ContainerMountAnnotation(name, target, ContainerMountType.Volume, isReadOnly));
    }

    /// <summary>An anonymous volume at <paramref name="target"/>: it lives as long as the container.</summary>
    public static IResourceBuilder<T> WithVolume<T>(this IResourceBuilder<T> builder, string target) where T : ContainerResource =>
        builder.WithVolume(null, target);

    /// <summary>Mounts a file or folder of this machine (relative paths are from the AppHost's folder) at <paramref name="target"/>.</summary>
    public static IResourceBuilder<T> WithBindMount<T>(this IResourceBuilder<T> builder, string source, string target, bool isReadOnly = false)
        where T : ContainerResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var fullSource = Path.GetFullPath(source, builder.ApplicationBuilder.AppHostDirectory);
        return builder.WithAnnotation(new ContainerMountAnnotation(fullSource, target, ContainerMountType.BindMount, isReadOnly));
    }

    /// <summary>
    /// When the image is pulled: locally (<c>docker run --pull</c>), in Compose (<c>pull_policy</c>) and in the cluster
    /// (<c>imagePullPolicy</c>). The last call wins.
    /// </summary>
    public static IResourceBuilder<T> WithImagePullPolicy<T>(this IResourceBuilder<T> builder, ImagePullPolicy pullPolicy) where T : ContainerResource =>
        builder.WithAnnotation(new ContainerImagePullPolicyAnnotation { ImagePullPolicy = pullPolicy });

    /// <summary>Options for the container runtime's <c>run</c> command (e.g. <c>--cap-add</c>); locally only.</summary>
    public static IResourceBuilder<T> WithContainerRuntimeArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : ContainerResource =>
        builder.WithAnnotation(new ContainerRuntimeArgsAnnotation([.. args]));

    /// <summary>
    /// Declares how long the container lives; the last call wins. A persistent one (Postgres, Redis, RabbitMQ and MinIO
    /// included, run natively) outlives the AppHost, and the next run adopts it while its configuration is unchanged.
    /// </summary>
    public static IResourceBuilder<T> WithLifetime<T>(this IResourceBuilder<T> builder, ContainerLifetime lifetime) where T : ContainerResource =>
        builder.WithLifetimeAnnotation(lifetime);

    internal static IResourceBuilder<T> WithLifetimeAnnotation<T>(this IResourceBuilder<T> builder, ContainerLifetime lifetime) where T : IResource
    {
        foreach (var declared in builder.Resource.AnnotationsOf<ContainerLifetimeAnnotation>().ToList())
        {
            builder.Resource.Annotations.Remove(declared);
        }
        return builder.WithAnnotation(new ContainerLifetimeAnnotation(lifetime));
    }

    private static ContainerImageAnnotation ImageOf<T>(IResourceBuilder<T> builder) where T : ContainerResource =>
        builder.Resource.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' has no image. Call WithImage first.");

    private static IResourceBuilder<T> ReplaceImage<T>(this IResourceBuilder<T> builder, ContainerImageAnnotation image) where T : ContainerResource
    {
        foreach (var existing in builder.Resource.AnnotationsOf<ContainerImageAnnotation>().ToList())
        {
            builder.Resource.Annotations.Remove(existing);
        }
        return builder.WithAnnotation(image);
    }

    /// <summary>"registry:5000/team/app:1.2" → ("registry:5000/team/app", "1.2"): a tag follows the last ':' after the last '/'.</summary>
    private static (string Image, string? Tag) SplitTag(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, null);
    }
}
