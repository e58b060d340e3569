using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing.Strategies;

/// <summary>Small models published with each strategy, as the strategy tests publish and render them.</summary>
internal static class StrategyModels
{
    /// <summary>api: two replicas (four at most with the autoscaler), external, under <paramref name="strategy"/>; web calls it.</summary>
    public static DistributedApplicationModel Api(DeploymentStrategy strategy, bool external = true)
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api").PublishWithAutoscaling(minReplicas: 2, maxReplicas: 4).PublishWithStrategy(strategy);
        if (external)
        {
            api.WithExternalHttpEndpoints();
        }
        builder.AddProject<Projects.TestService>("web").WithReference(api);
        return new DistributedApplicationModel([.. builder.Resources]);
    }

    /// <summary>Publishes under a new temporary folder and returns its deploy/kubernetes.</summary>
    public static string Publish(DistributedApplicationModel model, int quotaHeadroomPercent = 50) =>
        KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-strategy-").FullName, "test", quotaHeadroomPercent);

    /// <summary>The overlay as kubectl kustomize renders it, with an empty secrets.env.</summary>
    public static IList<object> Render(string root, string overlay)
    {
        var directory = Path.Combine(root, "overlays", overlay);
        File.WriteAllText(Path.Combine(directory, "secrets.env"), "");
        return Kustomize(directory);
    }

    /// <summary>The kustomization in <paramref name="directory"/> as kubectl kustomize renders it, loaded strictly.</summary>
    public static IList<object> Kustomize(string directory)
    {
        var kustomize = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = kustomize.StandardError.ReadToEndAsync();
        var yaml = kustomize.StandardOutput.ReadToEnd();
        kustomize.WaitForExit();
        Assert.True(kustomize.ExitCode == 0, $"kubectl kustomize {directory} failed: {stderr.Result}");
        return k8s.KubernetesYaml.LoadAllFromString(yaml, strict: true);
    }
}
