using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>The names and labels the published objects share, so objects that refer to each other agree.</summary>
internal static class ClusterNames
{
    public const string NameLabel = "app.kubernetes.io/name";

    public static Dictionary<string, string> Selector(IResource resource) => new(StringComparer.Ordinal) { [NameLabel] = resource.Name };

    /// <summary>An object's name (the resource's, unless given) and the label its selectors match.</summary>
    public static V1ObjectMeta Metadata(IResource resource, string? name = null) => new() { Name = name ?? resource.Name, Labels = Selector(resource) };

    public static string SecretName(string appName) => $"{appName}-secrets";

    public static string ConfigMapName(IResource resource) => $"{resource.Name}-env";

    /// <summary>A project's image is named after its project file, so a service and its run-once migration share one image.</summary>
    public static string ImageName(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(project.Metadata.ProjectPath).ToLowerInvariant();

    /// <summary>An image built from a Dockerfile is named after its resource.</summary>
    public static string ImageName(IResource resource) => resource is ProjectResource project ? ImageName(project) : resource.Name.ToLowerInvariant();

    public static string FileName(IResource resource, string kind) => $"{resource.Name}-{kind.ToLowerInvariant()}.yaml";
}
