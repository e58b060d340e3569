using YamlDotNet.RepresentationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>One entry of an overlay's <c>images:</c> list: the base's image name, and what the cluster pulls instead.</summary>
public sealed record OverlayImage(string Name, string? NewName, string? NewTag)
{
    /// <summary>The entries of <c>kustomization.yaml</c> in <paramref name="overlayDirectory"/>, by image name.</summary>
    public static IReadOnlyDictionary<string, OverlayImage> ReadAll(string overlayDirectory)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(overlayDirectory, "kustomization.yaml")))
        {
            yaml.Load(reader);
        }
        var images = new Dictionary<string, OverlayImage>(StringComparer.Ordinal);
        if (yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("images"), out var list) && list is YamlSequenceNode entries)
        {
            foreach (var entry in entries.OfType<YamlMappingNode>())
            {
                string? Value(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
                if (Value("name") is { } name)
                {
                    images[name] = new OverlayImage(name, Value("newName"), Value("newTag"));
                }
            }
        }
        return images;
    }
}
