using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The names of the images the AppHost's own processes are published as, which every publisher (Kubernetes, Compose) and
/// <c>deploy</c> share, so an image built once runs in any target.
/// </summary>
public static class PublishedImages
{
    /// <summary>The tag a published image has until a deploy names another.</summary>
    public const string DefaultTag = "latest";

    /// <summary>A project's image is named after its project file, so a service and its run-once migration share one image.</summary>
    public static string NameOf(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(project.Metadata.ProjectPath).ToLowerInvariant();

    /// <summary>An image built from a Dockerfile is named after its resource.</summary>
    public static string NameOf(IResource resource) => resource is ProjectResource project ? NameOf(project) : resource.Name.ToLowerInvariant();

    /// <summary>The image and its tag, e.g. <c>customers:latest</c>.</summary>
    public static string ReferenceOf(IResource resource) => $"{NameOf(resource)}:{DefaultTag}";
}
