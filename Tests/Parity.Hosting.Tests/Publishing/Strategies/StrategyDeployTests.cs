using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing.Strategies;

/// <summary>
/// The overlay deploy generates on top of a published one (rendered offline with kubectl kustomize): the images it built,
/// and what the cluster runs of a blue/green or canary project kept, so the release goes to the idle colour or the canary.
/// </summary>
public sealed class StrategyDeployTests
{
    private const string V1 = "registry.example.com/test/testservice:v1";
    private const string V2 = "registry.example.com/test/testservice:v2";

    [Fact]
    public void BlueGreenGivesTheReleaseToTheIdleColourOnlyAndKeepsTheLiveColourItsImageAndTheSelector()
    {
        var overlay = PublishedStaging(DeploymentStrategy.BlueGreen());

        using var release = ReleaseOverlay.Write(overlay, TagV2(overlay), [KeptRelease.BlueGreen("api", "green", V1)])!;

        var objects = StrategyModels.Kustomize(release.Directory);
        Assert.Equal(V1, Image(objects, "api-green"));
        Assert.Equal(V2, Image(objects, "api-blue"));
        Assert.Equal(V2, Image(objects, "web"));
        Assert.Equal("green", objects.OfType<V1Service>().Single(s => s.Metadata.Name == "api").Spec.Selector[DeploymentStrategy.ColorLabel]);
        // The images layer below, the kept state above it: kustomize would apply images: after patches of the same layer.
        Assert.Equal(["images", "release"], release.Kustomizations.Select(k => Path.GetFileName(Path.GetDirectoryName(k.File))));
    }

    [Fact]
    public void CanaryGivesTheReleaseToTheCanaryOnlyAndKeepsTheStableImageAndTheWeight()
    {
        var overlay = PublishedStaging(DeploymentStrategy.Canary());

        using var release = ReleaseOverlay.Write(overlay, TagV2(overlay), [KeptRelease.Canary("api", V1, 25)])!;

        var objects = StrategyModels.Kustomize(release.Directory);
        Assert.Equal(V1, Image(objects, "api"));
        Assert.Equal(V2, Image(objects, "api-canary"));
        Assert.Equal("25", objects.OfType<V1Ingress>().Single(i => i.Metadata.Name == "api-canary").Metadata.Annotations["nginx.ingress.kubernetes.io/canary-weight"]);
    }

    [Fact]
    public void AFirstDeployWithoutATagAppliesThePublishedOverlayAndWithATagPullsItEverywhere()
    {
        var overlay = PublishedStaging(DeploymentStrategy.BlueGreen());
        var first = KeptRelease.FirstDeploy("api", "blue live");

        Assert.Null(ReleaseOverlay.Write(overlay, new Dictionary<string, (string, string)>(), [first]));
        using var tagged = ReleaseOverlay.Write(overlay, TagV2(overlay), [first])!;
        var objects = StrategyModels.Kustomize(tagged.Directory);
        Assert.All(objects.OfType<V1Deployment>(), d => Assert.Equal(V2, d.Spec.Template.Spec.Containers[0].Image));
        Assert.Equal("blue", objects.OfType<V1Service>().Single(s => s.Metadata.Name == "api").Spec.Selector[DeploymentStrategy.ColorLabel]);
    }

    [Fact]
    public void ADryRunThatCannotReadTheClusterAssumesThePublishedStateAndSaysSo()
    {
        var model = StrategyModels.Api(DeploymentStrategy.Canary());
        var root = StrategyModels.Publish(model);
        var log = new StringWriter();

        var kept = LiveReleases.Read(model, StrategyModels.Render(root, "staging"), "parity-no-such-context", dryRun: true, log);

        var release = Assert.Single(kept);
        Assert.Equal(
            "api: api keeps registry.example.com/test/testservice:staging and api-canary its weight, 5%; api-canary takes the release, for promote to step up once it has rolled out.",
            release.Summary);
        Assert.Contains("# Cannot read the image of api from the cluster (kubectl --context parity-no-such-context -n test-staging get deployment api --ignore-not-found", log.ToString());
        Assert.Contains("# Assuming the cluster runs api as the overlay publishes it.", log.ToString());
    }

    [Fact]
    public void ADeployThatCannotReadTheClusterStops()
    {
        var model = StrategyModels.Api(DeploymentStrategy.BlueGreen());
        var rendered = StrategyModels.Render(StrategyModels.Publish(model), "staging");

        var error = Assert.ThrowsAny<Exception>(() => LiveReleases.Read(model, rendered, "parity-no-such-context", dryRun: false, TextWriter.Null));

        Assert.Equal("PreconditionFailedException", error.GetType().Name);
        Assert.StartsWith("Cannot read the live colour of 'api' from the cluster", error.Message);
    }

    private static string PublishedStaging(DeploymentStrategy strategy)
    {
        var overlay = Path.Combine(StrategyModels.Publish(StrategyModels.Api(strategy)), "overlays", "staging");
        File.WriteAllText(Path.Combine(overlay, "secrets.env"), "");
        return overlay;
    }

    private static IReadOnlyDictionary<string, (string Name, string Tag)> TagV2(string overlay) =>
        DeployCommand.ImageOverrides(new DeployOptions("staging", Tag: "v2"), OverlayImage.ReadAll(overlay));

    private static string Image(IList<object> objects, string deployment) =>
        objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == deployment).Spec.Template.Spec.Containers[0].Image;
}
