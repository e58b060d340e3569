using k8s;
using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A kustomize overlay as <c>kubectl kustomize</c> renders it, read for the environment keys of each container:
/// its <c>env</c> names and the keys of the ConfigMaps and Secrets its <c>envFrom</c> imports.
/// </summary>
internal sealed class RenderedOverlay(IList<object> objects)
{
    public IList<object> Objects => objects;

    /// <summary>Renders <paramref name="overlayDirectory"/>; without its git-ignored secrets.env, renders a copy with placeholder secrets.</summary>
    public static RenderedOverlay Render(string overlayDirectory)
    {
        if (!File.Exists(Path.Combine(overlayDirectory, "kustomization.yaml")))
        {
            throw new PreconditionFailedException($"There is no kustomize overlay at {overlayDirectory}.");
        }
        if (File.Exists(Path.Combine(overlayDirectory, KustomizeOverlays.SecretsFile)))
        {
            return new RenderedOverlay(Kustomize(overlayDirectory));
        }
        // The overlay refers to ../../base, so the whole deploy/kubernetes tree is copied, not the overlay alone.
        var tree = Path.GetFullPath(Path.Combine(overlayDirectory, "..", ".."));
        var copy = Directory.CreateTempSubdirectory("parity-overlay-").FullName;
        try
        {
            CopyDirectory(tree, copy);
            var copiedOverlay = Path.Combine(copy, Path.GetRelativePath(tree, overlayDirectory));
            var example = Path.Combine(copiedOverlay, KustomizeOverlays.SecretsExampleFile);
            var keys = File.Exists(example)
                ? File.ReadAllLines(example).Where(l => !l.StartsWith('#') && l.Contains('=')).Select(l => l.Split('=')[0])
                : [];
            // Each its own value, so a check can tell where a secret's value went.
            File.WriteAllLines(Path.Combine(copiedOverlay, KustomizeOverlays.SecretsFile), keys.Select(k => $"{k}=placeholder-{Guid.NewGuid():N}"));
            return new RenderedOverlay(Kustomize(copiedOverlay));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>The environment keys of the container named <paramref name="containerName"/>, or null when no workload has one.</summary>
    public ISet<string>? EnvironmentKeysOf(string containerName)
    {
        var container = objects.Select(Workloads.PodTemplateOf).OfType<V1PodTemplateSpec>()
            .SelectMany(t => t.Spec?.Containers ?? [])
            .FirstOrDefault(c => c.Name == containerName);
        if (container is null)
        {
            return null;
        }
        var keys = new HashSet<string>((container.Env ?? []).Select(e => e.Name), StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var imported = source switch
            {
                { ConfigMapRef.Name: { } name } => objects.OfType<V1ConfigMap>().Where(m => m.Metadata?.Name == name)
                    .SelectMany(m => (m.Data?.Keys ?? []).Concat(m.BinaryData?.Keys ?? [])),
                { SecretRef.Name: { } name } => objects.OfType<V1Secret>().Where(s => s.Metadata?.Name == name)
                    .SelectMany(s => (s.Data?.Keys ?? []).Concat(s.StringData?.Keys ?? [])),
                _ => [],
            };
            keys.UnionWith(imported.Select(k => (source.Prefix ?? "") + k));
        }
        return keys;
    }

    private static IList<object> Kustomize(string overlayDirectory)
    {
        var (exitCode, stdout, stderr) = new ExternalCommand("kubectl", ["kustomize", overlayDirectory]).RunCaptured();
        if (exitCode != 0)
        {
            throw new PreconditionFailedException($"kubectl kustomize {overlayDirectory} failed: {stderr.Trim()}");
        }
        return KubernetesYaml.LoadAllFromString(stdout);
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
