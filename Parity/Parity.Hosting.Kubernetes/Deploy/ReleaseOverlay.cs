namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The overlay a plain deploy applies when the published one would not do as it is: generated into a temporary folder on
/// top of it, in up to two layers. <c>images/</c> pulls the images deploy built under <c>--registry</c>/<c>--tag</c>
/// (the same <c>images:</c> an ephemeral environment gets); <c>release/</c> above it patches back what the cluster runs of
/// blue/green and canary projects (<see cref="KeptRelease"/>). Two layers because kustomize applies a kustomization's
/// <c>images:</c> after its patches: in one, the new tag would overwrite the live image kept. Disposing removes the folder.
/// </summary>
public sealed class ReleaseOverlay : IDisposable
{
    private ReleaseOverlay(string root, string directory, IReadOnlyList<(string File, string Text)> kustomizations)
    {
        Root = root;
        Directory = directory;
        Kustomizations = kustomizations;
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>The top layer, which <c>kubectl apply -k</c> applies.</summary>
    public string Directory { get; }

    /// <summary>Each layer's kustomization.yaml, bottom first: its path and text.</summary>
    public IReadOnlyList<(string File, string Text)> Kustomizations { get; }

    /// <summary>
    /// The overlay on top of <paramref name="overlayDirectory"/> pulling <paramref name="images"/> (by the name that
    /// overlay pulls) and keeping <paramref name="kept"/>; null when there is neither, the published overlay applying as is.
    /// </summary>
    public static ReleaseOverlay? Write(
        string overlayDirectory, IReadOnlyDictionary<string, (string Name, string Tag)> images, IEnumerable<KeptRelease> kept)
    {
        var layers = new List<(string Name, List<string> Lines)>();
        if (KustomizationLines.Images(images).ToList() is { Count: > 0 } imageLines)
        {
            layers.Add(("images", imageLines));
        }
        if (KustomizationLines.Patches(kept.SelectMany(k => k.Patches)).ToList() is { Count: > 0 } patchLines)
        {
            layers.Add(("release", patchLines));
        }
        if (layers.Count == 0)
        {
            return null;
        }
        var root = System.IO.Directory.CreateTempSubdirectory("parity-deploy-").FullName;
        var below = Path.GetFullPath(overlayDirectory);
        var kustomizations = new List<(string, string)>();
        foreach (var (name, lines) in layers)
        {
            var directory = Path.Combine(root, name);
            System.IO.Directory.CreateDirectory(directory);
            // kustomize takes no absolute path to another kustomization: the layer refers to the one below relatively.
            string[] header =
            [
                "apiVersion: kustomize.config.k8s.io/v1beta1",
                "kind: Kustomization",
                "resources:",
                $"- {Path.GetRelativePath(directory, below).Replace('\\', '/')}",
            ];
            var text = string.Join('\n', header.Concat(lines)) + "\n";
            var file = Path.Combine(directory, "kustomization.yaml");
            File.WriteAllText(file, text);
            kustomizations.Add((file, text));
            below = directory;
        }
        return new ReleaseOverlay(root, below, kustomizations);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
