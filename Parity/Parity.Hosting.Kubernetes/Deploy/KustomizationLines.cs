using System.Text.Json.Nodes;

namespace Parity.Hosting.Kubernetes;

/// <summary>The entries a generated overlay (a deploy's, an ephemeral environment's) adds to its kustomization.yaml.</summary>
internal static class KustomizationLines
{
    /// <summary><c>images:</c> pulling what deploy built, by the name the overlay below pulls (see <see cref="DeployCommand.ImageOverrides"/>).</summary>
    public static IEnumerable<string> Images(IReadOnlyDictionary<string, (string Name, string Tag)> images)
    {
        if (images.Count == 0)
        {
            yield break;
        }
        yield return "images:";
        foreach (var (name, image) in images.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            yield return $"- name: {name}";
            yield return $"  newName: {image.Name}";
            yield return $"  newTag: {image.Tag}";
        }
    }

    /// <summary><c>patches:</c>, each a JSON patch of one object by kind and name, written as the JSON <c>kubectl patch</c> takes.</summary>
    public static IEnumerable<string> Patches(IEnumerable<KeptRelease.Patch> patches)
    {
        var first = true;
        foreach (var patch in patches)
        {
            if (first)
            {
                yield return "patches:";
                first = false;
            }
            yield return "- target:";
            yield return $"    kind: {patch.Kind}";
            yield return $"    name: {patch.Name}";
            // YAML's single quotes take the JSON as it is; a quote inside is doubled.
            yield return $"  patch: '{patch.Operations.ToJsonString().Replace("'", "''", StringComparison.Ordinal)}'";
        }
    }
}
