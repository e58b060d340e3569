using k8s.Models;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>The names and labels the published objects share, so objects that refer to each other agree.</summary>
internal static class ClusterNames
{
    public const string NameLabel = "app.kubernetes.io/name";

    public static Dictionary<string, string> Selector(IResource resource) => new(StringComparer.Ordinal) { [NameLabel] = resource.Name };

    /// <summary>The name label of <paramref name="name"/>'s pods with the labels a strategy adds (a colour, a track).</summary>
    public static Dictionary<string, string> Labels(string name, IReadOnlyDictionary<string, string>? labels)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { [NameLabel] = name };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        return all;
    }

    /// <summary>An object's name (the resource's, unless given) and the label its selectors match.</summary>
    public static V1ObjectMeta Metadata(IResource resource, string? name = null) => new() { Name = name ?? resource.Name, Labels = Selector(resource) };

    public static string SecretName(string appName) => $"{appName}-secrets";

    public static string ConfigMapName(IResource resource) => $"{resource.Name}-env";

    /// <inheritdoc cref="PublishedImages.NameOf(ProjectResource)"/>
    public static string ImageName(ProjectResource project) => PublishedImages.NameOf(project);

    /// <inheritdoc cref="PublishedImages.NameOf(IResource)"/>
    public static string ImageName(IResource resource) => PublishedImages.NameOf(resource);

    public static string FileName(IResource resource, string kind) => $"{resource.Name}-{kind.ToLowerInvariant()}.yaml";
}
