using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing.Strategies;

/// <summary>What each deployment strategy publishes: golden files, strictly valid objects, overlays kustomize renders and the policy passes.</summary>
public sealed class StrategyPublishingTests
{
    /// <summary>Set to 1 to rewrite the golden files from what the publisher writes now (then review the diff).</summary>
    private const string UpdateGoldenVariable = "PARITY_UPDATE_GOLDEN";

    public static TheoryData<string> Strategies => ["rolling", "blue-green", "canary"];

    private static DeploymentStrategy Named(string name) => name switch
    {
        "blue-green" => DeploymentStrategy.BlueGreen(),
        "canary" => DeploymentStrategy.Canary(),
        _ => DeploymentStrategy.Rolling(),
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EachStrategyPublishesItsGoldenFiles(string strategy)
    {
        var root = StrategyModels.Publish(StrategyModels.Api(Named(strategy)));
        var golden = Path.Combine(GoldenDirectory(), strategy);
        var published = Files(root);
        if (Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }
            foreach (var file in published)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(golden, file))!);
                File.Copy(Path.Combine(root, file), Path.Combine(golden, file));
            }
        }

        Assert.Equal(Files(golden), published);
        foreach (var file in published)
        {
            Assert.True(File.ReadAllText(Path.Combine(golden, file)) == File.ReadAllText(Path.Combine(root, file)),
                $"{strategy}/{file} differs from its golden file; if the change is meant, run the test with {UpdateGoldenVariable}=1 and review the diff.");
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EveryObjectLoadsStrictlyAndEveryOverlayRendersAndPassesThePolicy(string strategy)
    {
        var root = StrategyModels.Publish(StrategyModels.Api(Named(strategy)));
        foreach (var file in Files(root).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)
            && Path.GetFileName(f) is not ("kustomization.yaml" or "deployment-resources.yaml")))
        {
            Assert.NotEmpty(KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(root, file)), strict: true));
        }
        foreach (var overlay in (string[])["dev", "staging", "prod"])
        {
            var findings = PolicyRules.Check(StrategyModels.Render(root, overlay));
            Assert.True(findings.Count == 0, $"{strategy} {overlay}: {string.Join("; ", findings.Select(f => f.Message))}");
        }
    }

    [Fact]
    public void BlueGreenRunsBothColoursAtFullSizeAndTheServiceSelectsBlue()
    {
        var objects = StrategyModels.Render(StrategyModels.Publish(StrategyModels.Api(DeploymentStrategy.BlueGreen())), "prod");

        var deployments = objects.OfType<V1Deployment>().Where(d => d.Metadata.Labels[Name] == "api").OrderBy(d => d.Metadata.Name).ToList();
        Assert.Equal(["api-blue", "api-green"], deployments.Select(d => d.Metadata.Name));
        foreach (var deployment in deployments)
        {
            var color = deployment.Metadata.Name["api-".Length..];
            Assert.Equal(new Dictionary<string, string> { [Name] = "api", [DeploymentStrategy.ColorLabel] = color }, deployment.Spec.Selector.MatchLabels);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels);
            Assert.Equal(3, deployment.Spec.Replicas); // prod's replicas for an external service, for each colour
            Assert.Contains(objects.OfType<V2HorizontalPodAutoscaler>(), a => a.Spec.ScaleTargetRef.Name == deployment.Metadata.Name);
            Assert.Contains(objects.OfType<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels.TryGetValue(DeploymentStrategy.ColorLabel, out var c) && c == color);
        }
        var service = objects.OfType<V1Service>().Single(s => s.Metadata.Name == "api");
        Assert.Equal(new Dictionary<string, string> { [Name] = "api", [DeploymentStrategy.ColorLabel] = "blue" }, service.Spec.Selector);
        Assert.Equal("api", objects.OfType<V1Ingress>().Single().Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
    }

    [Fact]
    public void ACanaryIsOnePodBehindTheServiceAndTheCanaryIngressTakesItsFirstWeight()
    {
        var objects = StrategyModels.Render(StrategyModels.Publish(StrategyModels.Api(DeploymentStrategy.Canary(weight: 10))), "dev");

        var stable = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "api");
        var canary = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "api-canary");
        Assert.Equal((2, 1), (stable.Spec.Replicas, canary.Spec.Replicas));
        Assert.Equal("stable", stable.Spec.Template.Metadata.Labels[DeploymentStrategy.TrackLabel]);
        Assert.Equal("canary", canary.Spec.Template.Metadata.Labels[DeploymentStrategy.TrackLabel]);
        Assert.Equal(stable.Spec.Template.Spec.Containers[0].Image, canary.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("api", objects.OfType<V2HorizontalPodAutoscaler>().Single().Spec.ScaleTargetRef.Name);

        var services = objects.OfType<V1Service>().Where(s => s.Metadata.Labels[Name] == "api").ToDictionary(s => s.Metadata.Name, s => s.Spec.Selector);
        Assert.Equal(new Dictionary<string, string> { [Name] = "api" }, services["api"]); // both tracks, by replica ratio
        Assert.Equal("stable", services["api-stable"][DeploymentStrategy.TrackLabel]);
        Assert.Equal("canary", services["api-canary"][DeploymentStrategy.TrackLabel]);

        var ingresses = objects.OfType<V1Ingress>().ToDictionary(i => i.Metadata.Name);
        Assert.Equal("api-stable", ingresses["api"].Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
        Assert.Null(ingresses["api"].Metadata.Annotations);
        Assert.Equal("api-canary", ingresses["api-canary"].Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/canary"] = "true",
            ["nginx.ingress.kubernetes.io/canary-weight"] = "10",
        }, ingresses["api-canary"].Metadata.Annotations);
    }

    [Fact]
    public void ACanaryWithoutAnExternalEndpointHasNoCanaryIngressOrService()
    {
        var objects = StrategyModels.Render(StrategyModels.Publish(StrategyModels.Api(DeploymentStrategy.Canary(), external: false)), "dev");

        Assert.Equal(["api", "api-canary", "web"], objects.OfType<V1Deployment>().Select(d => d.Metadata.Name).Order());
        Assert.Equal(["api", "web"], objects.OfType<V1Service>().Select(s => s.Metadata.Name).Order());
        Assert.Empty(objects.OfType<V1Ingress>());
    }

    [Theory]
    [InlineData("rolling", 4 + 1)]
    [InlineData("blue-green", 2 * (4 + 1))] // both colours at the autoscaler's maximum and a rolling update's extra pod
    [InlineData("canary", 4 + 1 + 1 + 1)] // the canary's pod and its extra pod
    public void TheQuotaCountsEveryColourAndTheCanary(string strategy, int apiPods)
    {
        var root = StrategyModels.Publish(StrategyModels.Api(Named(strategy)), quotaHeadroomPercent: 0);
        var quota = StrategyModels.Render(root, "dev").OfType<V1ResourceQuota>().Single();

        Assert.Equal((apiPods + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), quota.Spec.Hard["pods"].ToString()); // web: 1 + 1
    }

    [Theory]
    [InlineData("blue-green")]
    [InlineData("canary")]
    public void TheNetworkPoliciesAdmitTheClientToEveryPodOfTheServer(string strategy)
    {
        var objects = StrategyModels.Render(StrategyModels.Publish(StrategyModels.Api(Named(strategy))), "dev");

        var policy = objects.OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "api");
        var servers = objects.OfType<V1Deployment>().Where(d => d.Metadata.Labels[Name] == "api").ToList();
        Assert.Equal(2, servers.Count);
        Assert.All(servers, d => Assert.True(Selects(policy.Spec.PodSelector.MatchLabels, d.Spec.Template.Metadata.Labels), d.Metadata.Name));
        var fromWeb = policy.Spec.Ingress.Single(r => r.FromProperty is not null).FromProperty.Single().PodSelector.MatchLabels;
        Assert.Equal(new Dictionary<string, string> { [Name] = "web" }, fromWeb);
        Assert.Contains(policy.Spec.Ingress, r => r.FromProperty is null); // the external endpoint, for the ingress controller
    }

    [Fact]
    public void ACanaryWeightIsAPercentageBelowAHundred()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeploymentStrategy.Canary(weight: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeploymentStrategy.Canary(weight: 100));
        Assert.Equal([5, 25, 50, 100], ((CanaryStrategy)DeploymentStrategy.Canary()).Steps);
        Assert.Equal([30, 50, 100], ((CanaryStrategy)DeploymentStrategy.Canary(weight: 30)).Steps);
    }

    private const string Name = "app.kubernetes.io/name";

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "secrets.env")
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string GoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
