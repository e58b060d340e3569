using YamlDotNet.RepresentationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>Rendered objects to print: every value of every Secret masked, everything else as kubectl kustomize wrote it.</summary>
public static class MaskedSecrets
{
    public const string Mask = "<masked>";

    public static string Of(string renderedYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(renderedYaml));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root && Scalar(root, "kind") == "Secret")
            {
                foreach (var field in new[] { "data", "stringData" })
                {
                    if (root.Children.TryGetValue(new YamlScalarNode(field), out var node) && node is YamlMappingNode values)
                    {
                        foreach (var key in values.Children.Keys.ToList())
                        {
                            values.Children[key] = new YamlScalarNode(Mask);
                        }
                    }
                }
            }
        }
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet ends each document with an explicit "..." marker; kubectl's output has none, and reads better without.
        return string.Join('\n', writer.ToString().Split('\n').Where(l => l.TrimEnd('\r') != "..."));
    }

    /// <summary>An env file's lines (<c>KEY=value</c>) with each value masked.</summary>
    public static IEnumerable<string> OfEnv(IEnumerable<KeyValuePair<string, string>> values) => values.Select(v => $"{v.Key}={Mask}");

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
