using k8s;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// Writes <c>deploy/kubernetes/</c> from the model: a kustomize base (one object per file) and the overlays dev,
/// staging and prod. Environments are the same expressions the local run renders, for the cluster; secret values
/// are never written: each overlay generates the Secret from its git-ignored <c>secrets.env</c>.
/// </summary>
public static class KubernetesPublisher
{
    public const string RelativeDirectory = "deploy/kubernetes";

    /// <summary>Writes under <paramref name="outputDirectory"/>/deploy/kubernetes and returns that directory.</summary>
    public static string Write(
        DistributedApplicationModel model, string outputDirectory, string appName, int quotaHeadroomPercent = NamespaceQuotas.DefaultHeadroomPercent)
    {
        var root = Path.Combine(outputDirectory, RelativeDirectory);
        var secretName = ClusterNames.SecretName(appName);
        var published = model.Resources.Where(r => !r.IsExcludedFromManifest()).ToList();
        var projects = published.OfType<ProjectResource>().ToList();
        var context = ClusterContext(model);
        var launches = new Dictionary<IResource, LaunchDescription>();
        LaunchDescription Launch(IResource resource) =>
            launches.TryGetValue(resource, out var launch) ? launch : launches[resource] = LaunchDescription.Of(resource, model, context);

        var baseDocuments = new List<KubernetesDocument>();
        foreach (var resource in published)
        {
            var documents = (resource switch
            {
                ProjectResource project => ProjectObjects.For(project, Launch(project), secretName),
                DashboardResource dashboard => DashboardObjects.For(dashboard, Launch(dashboard), secretName),
                ContainerResource tool when tool.AnnotationsOf<ToolImageAnnotation>().Any() => ToolImageObjects.For(tool, Launch(tool), secretName),
                _ when resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _) => DockerfileAppObjects.For(resource, Launch(resource), secretName),
                ContainerResource container => BackingServiceObjects.For(container, Launch(container), secretName),
                _ when resource.IsValueOnly() || resource is IResourceWithParent => [],
                _ => throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no Kubernetes form."),
            }).ToList();
            documents.ForEach(d => WorkloadHardening.Apply(resource, d.Value));
            baseDocuments.AddRange(documents);
        }
        baseDocuments.AddRange(NetworkPolicies.For(published, Launch));
        var baseFiles = baseDocuments.Select(d => d.FileName).Order(StringComparer.Ordinal).ToList();
        baseDocuments.Add(new("kustomization.yaml", new Kustomization { Resources = baseFiles }));

        var secrets = SecretParameters(model, Launch);
        // The images the overlays tag: the projects', the Dockerfile apps', the dashboard's and the shipped programs'; deploy builds each.
        var imageNames = projects.Select(ClusterNames.ImageName)
            .Concat(model.Resources.Where(r => r.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _)).Select(ClusterNames.ImageName))
            .Concat(model.Dashboard is null ? [] : [DashboardResource.ImageName])
            .Concat(ToolImages(model).Select(t => t.Image))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var deployed = projects.Where(p => !LaunchDescription.IsRunOnce(p, model)).ToList();

        ClearGenerated(root);
        WriteDocuments(Path.Combine(root, "base"), baseDocuments);
        foreach (var environment in KustomizeOverlays.Environments)
        {
            var overlay = Path.Combine(root, "overlays", environment);
            WriteDocuments(overlay, KustomizeOverlays.For(environment, appName, deployed, imageNames, [.. baseDocuments.Select(d => d.Value)], quotaHeadroomPercent));
            File.WriteAllText(Path.Combine(overlay, KustomizeOverlays.SecretsExampleFile), KustomizeOverlays.SecretsExample(secrets.SecretParameters, secrets.UriEncodedSecretParameters));
        }
        return root;
    }

    /// <summary>The programs Parity ships that the model runs from their images, with those images' names.</summary>
    public static IEnumerable<(string Image, ToolImageAnnotation Tool)> ToolImages(DistributedApplicationModel model) =>
        model.Resources.OfType<ContainerResource>()
            .Where(r => r.AnnotationsOf<ToolImageAnnotation>().Any())
            .Select(r => (r.AnnotationsOf<ContainerImageAnnotation>().Last().Image, r.AnnotationsOf<ToolImageAnnotation>().Last()))
            .DistinctBy(t => t.Image, StringComparer.Ordinal);

    /// <summary>The cluster's context: telemetry goes to the published dashboard when the model has one, else nowhere.</summary>
    public static EnvironmentContext ClusterContext(DistributedApplicationModel model) =>
        new(EnvironmentTarget.Cluster, Otlp: model.Dashboard?.OtlpExporter);

    /// <summary>A renderer that has rendered every container: it holds each secret parameter some container reads, plain or URI-escaped.</summary>
    private static ClusterExpressionRenderer SecretParameters(DistributedApplicationModel model, Func<IResource, LaunchDescription> launch)
    {
        var renderer = new ClusterExpressionRenderer();
        foreach (var resource in model.Resources.Where(r => !r.IsExcludedFromManifest()
            && (r is ProjectResource or ContainerResource or DashboardResource || r.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _))))
        {
            var description = launch(resource);
            foreach (var value in description.Environment.Values.Concat(description.Args))
            {
                value.Render(renderer);
            }
        }
        return renderer;
    }

    private static void WriteDocuments(string directory, IEnumerable<KubernetesDocument> documents)
    {
        Directory.CreateDirectory(directory);
        foreach (var document in documents)
        {
            var yaml = KubernetesYaml.Serialize(document.Value);
            File.WriteAllText(Path.Combine(directory, document.FileName), yaml.EndsWith('\n') ? yaml : yaml + "\n");
        }
    }

    /// <summary>Removes what an earlier publish wrote, so renamed resources leave no stale files; keeps each overlay's secrets.env.</summary>
    private static void ClearGenerated(string root)
    {
        var baseDirectory = Path.Combine(root, "base");
        if (Directory.Exists(baseDirectory))
        {
            Directory.Delete(baseDirectory, recursive: true);
        }
        var overlays = Path.Combine(root, "overlays");
        if (Directory.Exists(overlays))
        {
            foreach (var file in Directory.EnumerateFiles(overlays, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != KustomizeOverlays.SecretsFile))
            {
                File.Delete(file);
            }
        }
    }
}
