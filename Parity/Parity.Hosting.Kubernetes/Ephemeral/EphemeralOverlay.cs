using System.Text;
using YamlDotNet.RepresentationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// An ephemeral environment as a kustomize overlay, generated into a temporary folder on top of a published overlay (dev):
/// a copy of deploy/kubernetes (without any secrets.env) and <c>overlays/ephemeral/</c> holding a kustomization that moves
/// every object into the environment's namespace, labels each as ephemeral with its expiry, pulls the images deploy built,
/// and replaces the Secret with fresh values. Disposing removes the folder, fresh secrets with it.
/// </summary>
public sealed class EphemeralOverlay : IDisposable
{
    public const string FolderName = "ephemeral";

    private EphemeralOverlay(string root, string directory, string kustomization, IReadOnlyList<KeyValuePair<string, string>> secrets)
    {
        Root = root;
        Directory = directory;
        Kustomization = kustomization;
        Secrets = secrets;
    }

    /// <summary>The temporary copy of deploy/kubernetes.</summary>
    public string Root { get; }

    /// <summary>The ephemeral overlay, which <c>kubectl apply -k</c> applies.</summary>
    public string Directory { get; }

    /// <summary>The text of its kustomization.yaml.</summary>
    public string Kustomization { get; }

    /// <summary>The fresh values of its secrets.env, in the order of the base overlay's secrets.env.example.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Secrets { get; }

    public string KustomizationFile => Path.Combine(Directory, "kustomization.yaml");

    public string SecretsFile => Path.Combine(Directory, KustomizeOverlays.SecretsFile);

    /// <param name="baseOverlay">The published overlay the environment is made of (deploy/kubernetes/overlays/dev).</param>
    /// <param name="images">What the environment pulls instead of the base overlay's images, by the name the base overlay pulls.</param>
    public static EphemeralOverlay Write(string baseOverlay, string @namespace, DateTimeOffset expires, IReadOnlyDictionary<string, (string Name, string Tag)> images)
    {
        var tree = Path.GetFullPath(Path.Combine(baseOverlay, "..", ".."));
        var root = System.IO.Directory.CreateTempSubdirectory("parity-ephemeral-").FullName;
        try
        {
            CopyWithoutSecrets(tree, root);
            var copiedBase = Path.Combine(root, Path.GetRelativePath(tree, baseOverlay));
            var example = Path.Combine(copiedBase, KustomizeOverlays.SecretsExampleFile);
            // The base overlay's generator needs its file to exist; its empty values never reach the cluster: ours replace them.
            File.WriteAllText(Path.Combine(copiedBase, KustomizeOverlays.SecretsFile), File.Exists(example) ? File.ReadAllText(example) : "");
            var directory = Path.Combine(root, "overlays", FolderName);
            System.IO.Directory.CreateDirectory(directory);
            var secrets = FreshSecrets.For(FreshSecrets.KeysOf(example));
            File.WriteAllLines(Path.Combine(directory, KustomizeOverlays.SecretsFile), secrets.Select(s => $"{s.Key}={s.Value}"));
            var kustomization = KustomizationText(
                Path.GetRelativePath(directory, copiedBase).Replace('\\', '/'), @namespace, expires, images, SecretGenerators(baseOverlay));
            File.WriteAllText(Path.Combine(directory, "kustomization.yaml"), kustomization);
            return new EphemeralOverlay(root, directory, kustomization, secrets);
        }
        catch
        {
            System.IO.Directory.Delete(root, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }

    private static string KustomizationText(
        string baseOverlay, string @namespace, DateTimeOffset expires, IReadOnlyDictionary<string, (string Name, string Tag)> images, IReadOnlyList<string> secretGenerators)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Ephemeral environment {@namespace}: {baseOverlay} in its own namespace, with fresh secrets; expires {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
        text.AppendLine("apiVersion: kustomize.config.k8s.io/v1beta1");
        text.AppendLine("kind: Kustomization");
        text.AppendLine($"namespace: {@namespace}");
        text.AppendLine("resources:");
        text.AppendLine($"- {baseOverlay}");
        // On every object, the namespace included; selectors and pod templates stay as published.
        text.AppendLine("labels:");
        text.AppendLine("- pairs:");
        text.AppendLine($"    {EphemeralLabels.Ephemeral}: \"true\"");
        text.AppendLine($"    {EphemeralLabels.Expires}: \"{EphemeralLabels.FormatExpiry(expires)}\"");
        foreach (var line in KustomizationLines.Images(images))
        {
            text.AppendLine(line);
        }
        if (secretGenerators.Count > 0)
        {
            text.AppendLine("secretGenerator:");
            foreach (var name in secretGenerators)
            {
                text.AppendLine($"- name: {name}");
                text.AppendLine("  behavior: replace");
                text.AppendLine("  envs:");
                text.AppendLine($"  - {KustomizeOverlays.SecretsFile}");
            }
        }
        return text.ToString();
    }

    /// <summary>The names of the Secrets the base overlay generates, which the environment replaces.</summary>
    private static List<string> SecretGenerators(string baseOverlay)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(baseOverlay, "kustomization.yaml")))
        {
            yaml.Load(reader);
        }
        return yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("secretGenerator"), out var list) && list is YamlSequenceNode generators
            ? [.. generators.OfType<YamlMappingNode>()
                .Select(g => g.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? (name as YamlScalarNode)?.Value : null)
                .OfType<string>()]
            : [];
    }

    private static void CopyWithoutSecrets(string source, string destination)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != KustomizeOverlays.SecretsFile))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
