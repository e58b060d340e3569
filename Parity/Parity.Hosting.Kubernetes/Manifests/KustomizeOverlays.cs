using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The overlays dev, staging and prod: a namespace each, image tags (and a registry outside dev), the Secret generated
/// from a git-ignored <c>secrets.env</c>, and for prod more replicas and resources.
/// </summary>
internal static class KustomizeOverlays
{
    public const string SecretsFile = "secrets.env";
    public const string SecretsExampleFile = "secrets.env.example";
    public const string Registry = "registry.example.com";
    private const int ProductionReplicasOfExternalServices = 3;
    private const string ResourcesPatchFile = "deployment-resources.yaml";

    public static readonly string[] Environments = ["dev", "staging", "prod"];

    public static IEnumerable<KubernetesDocument> For(
        string environment, string appName, IReadOnlyList<ProjectResource> deployed, IReadOnlyList<string> imageNames, IReadOnlyList<object> baseObjects, int quotaHeadroomPercent)
    {
        var resources = new List<string> { "../../base", "namespace.yaml" };
        var replicas = new List<KustomizeReplicas>();
        var patches = new List<KustomizePatch>();
        yield return new("namespace.yaml", new V1Namespace
        {
            ApiVersion = V1Namespace.KubeApiVersion,
            Kind = V1Namespace.KubeKind,
            Metadata = new V1ObjectMeta { Name = Namespace(appName, environment) },
        });
        if (environment == "prod")
        {
            foreach (var project in deployed.Where(p => p.Endpoints().Any(e => e.IsExternal) && p.ReplicaCount() < ProductionReplicasOfExternalServices))
            {
                replicas.AddRange(StrategyObjects.FullSizeDeploymentNames(project).Select(name => new KustomizeReplicas(name, ProductionReplicasOfExternalServices)));
                if (!baseObjects.OfType<V1PodDisruptionBudget>().Any(b => b.Metadata.Labels?.TryGetValue(ClusterNames.NameLabel, out var name) == true && name == project.Name))
                {
                    // The base has no budget for a single replica; with three, keep two serving during node drains (every colour or track).
                    var budgetFile = ClusterNames.FileName(project, V1PodDisruptionBudget.KubeKind);
                    resources.Add(budgetFile);
                    yield return new(budgetFile, ProjectObjects.DisruptionBudget(project.Name));
                }
            }
            patches.Add(new KustomizePatch(ResourcesPatchFile, new KustomizePatchTarget(V1Deployment.KubeGroup, V1Deployment.KubeApiVersion, V1Deployment.KubeKind)));
            yield return new(ResourcesPatchFile, new List<JsonPatchOperation> { new("replace", "/spec/template/spec/containers/0/resources", ProductionResources()) });
        }
        var peak = PeakWorkloads(baseObjects, replicas.ToDictionary(r => r.Name, r => r.Count), environment == "prod" ? ProductionResources() : null);
        foreach (var quota in NamespaceQuotas.For(peak, quotaHeadroomPercent))
        {
            resources.Add(quota.FileName);
            yield return quota;
        }
        yield return new("kustomization.yaml", new Kustomization
        {
            Namespace = Namespace(appName, environment),
            Resources = resources,
            Images = [.. imageNames.Select(image => new KustomizeImage(
                image,
                environment == "dev" ? null : $"{Registry}/{appName}/{image}",
                environment))],
            Replicas = replicas.Count > 0 ? replicas : null,
            Patches = patches.Count > 0 ? patches : null,
            SecretGenerator = [new KustomizeSecretGenerator(ClusterNames.SecretName(appName), [SecretsFile])],
        });
    }

    /// <summary>What each Deployment's container requests and may use in prod.</summary>
    private static V1ResourceRequirements ProductionResources() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("256Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("1Gi") },
    };

    /// <summary>Each workload of the base as this overlay runs it at its peak: its replicas, its autoscaler's maximum, a rolling update's extra pod.</summary>
    private static List<NamespaceQuotas.Workload> PeakWorkloads(
        IReadOnlyList<object> baseObjects, Dictionary<string, int> replicas, V1ResourceRequirements? deploymentResources)
    {
        var autoscaled = baseObjects.OfType<V2HorizontalPodAutoscaler>().ToDictionary(a => a.Spec.ScaleTargetRef.Name, a => a.Spec.MaxReplicas);
        return [.. baseObjects.Select(o => o switch
        {
            V1Deployment d => new NamespaceQuotas.Workload(
                Math.Max(replicas.GetValueOrDefault(d.Metadata.Name, d.Spec.Replicas ?? 1), autoscaled.GetValueOrDefault(d.Metadata.Name)) + 1,
                deploymentResources is null ? d.Spec.Template.Spec : WithMainResources(d.Spec.Template.Spec, deploymentResources), 0),
            V1StatefulSet s => new NamespaceQuotas.Workload(s.Spec.Replicas ?? 1, s.Spec.Template.Spec, s.Spec.VolumeClaimTemplates?.Count ?? 0),
            V1Job j => new NamespaceQuotas.Workload(1, j.Spec.Template.Spec, 0),
            _ => null,
        }).OfType<NamespaceQuotas.Workload>()];
    }

    private static V1PodSpec WithMainResources(V1PodSpec pod, V1ResourceRequirements resources) => new()
    {
        InitContainers = pod.InitContainers,
        Containers = [new V1Container { Name = pod.Containers[0].Name, Resources = resources }, .. pod.Containers.Skip(1)],
    };

    /// <summary>The keys <c>secrets.env</c> must set; values are never written, only how to make one.</summary>
    public static string SecretsExample(IEnumerable<ParameterResource> secrets, IEnumerable<ParameterResource>? uriEncoded = null)
    {
        var lines = new List<string>
        {
            "# Copy to secrets.env (git-ignored) and set every value, e.g. with: openssl rand -base64 36",
        };
        lines.AddRange(secrets.Select(p => $"{ClusterExpressionRenderer.SecretKey(p)}="));
        foreach (var parameter in uriEncoded ?? [])
        {
            lines.Add($"# {ClusterExpressionRenderer.UriSecretKey(parameter)}: the value of {ClusterExpressionRenderer.SecretKey(parameter)}, URI-escaped " +
                "(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=\"\"))' VALUE)");
            lines.Add($"{ClusterExpressionRenderer.UriSecretKey(parameter)}=");
        }
        return string.Join('\n', lines) + "\n";
    }

    private static string Namespace(string appName, string environment) => $"{appName}-{environment}";
}
