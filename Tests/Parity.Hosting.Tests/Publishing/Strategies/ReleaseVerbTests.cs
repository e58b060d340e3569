using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing.Strategies;

/// <summary>promote and rollback in dry runs: the exact kubectl commands and patches, from the published state or --from.</summary>
public sealed class ReleaseVerbTests
{
    private const string Weight = "nginx.ingress.kubernetes.io/canary-weight";

    [Fact]
    public void BlueGreenPromoteChecksTheIdleColourThenSwitchesTheServiceAndRollbackSwitchesBack()
    {
        var (model, overlay) = Published(DeploymentStrategy.BlueGreen());

        var promote = ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true);
        Assert.Equal("api: blue is live; promote checks api-green has rolled out and switches the Service to green.", promote.Summary);
        Assert.Equal(
        [
            "kubectl -n test-staging rollout status deployment/api-green --timeout=10m",
            """kubectl -n test-staging patch service api --type merge -p '{"spec":{"selector":{"parity.dev/color":"green"}}}'""",
        ], promote.Printed);

        var fromGreen = ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true, from: "green", kubeContext: "kind");
        Assert.Equal(
        [
            "kubectl --context kind -n test-staging rollout status deployment/api-blue --timeout=10m",
            """kubectl --context kind -n test-staging patch service api --type merge -p '{"spec":{"selector":{"parity.dev/color":"blue"}}}'""",
        ], fromGreen.Printed);

        Assert.Equal(
            ["""kubectl -n test-staging patch service api --type merge -p '{"spec":{"selector":{"parity.dev/color":"blue"}}}'"""],
            ReleaseVerbs.Plan(model, ReleaseDirection.Rollback, "api", overlay, dryRun: true, from: "green").Printed);
        Assert.Equal(
            ["""kubectl -n test-staging patch service api --type merge -p '{"spec":{"selector":{"parity.dev/color":"green"}}}'"""],
            ReleaseVerbs.Plan(model, ReleaseDirection.Rollback, "api", overlay, dryRun: true).Printed);
    }

    [Theory]
    [InlineData(null, 25)] // the published weight, 5
    [InlineData("5", 25)]
    [InlineData("25", 50)]
    [InlineData("50", 100)]
    public void CanaryPromoteChecksTheCanaryThenStepsItsWeight(string? from, int next)
    {
        var (model, overlay) = Published(DeploymentStrategy.Canary());

        var plan = ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true, from: from);

        Assert.Equal(
        [
            "kubectl -n test-staging rollout status deployment/api-canary --timeout=10m",
            SetWeight("test-staging", next),
        ], plan.Printed);
    }

    [Fact]
    public void CanaryPromoteFromNoWeightBringsTheCanaryBackAtItsFirstStep()
    {
        var (model, overlay) = Published(DeploymentStrategy.Canary(weight: 10));

        var plan = ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true, from: "0");

        Assert.Equal(
        [
            """kubectl -n test-staging patch deployment api-canary --type merge -p '{"spec":{"replicas":1}}'""",
            "kubectl -n test-staging rollout status deployment/api-canary --timeout=10m",
            SetWeight("test-staging", 10),
        ], plan.Printed);
    }

    [Fact]
    public void CanaryPromoteAtAHundredGivesTheStableDeploymentTheCanarysImageAndTheWeightBackToZero()
    {
        var (model, overlay) = Published(DeploymentStrategy.Canary());

        var plan = ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true, from: "100");

        Assert.Equal("api: the canary takes 100%; promote gives api the canary's image registry.example.com/test/testservice:staging and sets the weight back to 0.", plan.Summary);
        Assert.Equal(
        [
            """kubectl -n test-staging patch deployment api --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.example.com/test/testservice:staging"}]'""",
            "kubectl -n test-staging rollout status deployment/api --timeout=10m",
            SetWeight("test-staging", 0),
        ], plan.Printed);
    }

    [Fact]
    public void CanaryRollbackSendsItNoTrafficAndScalesItToZero()
    {
        var (model, overlay) = Published(DeploymentStrategy.Canary());

        Assert.Equal(
        [
            SetWeight("test-staging", 0),
            """kubectl -n test-staging patch deployment api-canary --type merge -p '{"spec":{"replicas":0}}'""",
        ], ReleaseVerbs.Plan(model, ReleaseDirection.Rollback, "api", overlay, dryRun: true, from: "50").Printed);
    }

    [Fact]
    public void ACanaryWithoutAnIngressIsPromotedAtOnceAndRolledBackByScaling()
    {
        var model = StrategyModels.Api(DeploymentStrategy.Canary(), external: false);
        var overlay = Path.Combine(StrategyModels.Publish(model), "overlays", "dev");

        Assert.Equal(
        [
            """kubectl -n test-dev patch deployment api --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"testservice:dev"}]'""",
            "kubectl -n test-dev rollout status deployment/api --timeout=10m",
        ], ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true).Printed);
        Assert.Equal(
            ["""kubectl -n test-dev patch deployment api-canary --type merge -p '{"spec":{"replicas":0}}'"""],
            ReleaseVerbs.Plan(model, ReleaseDirection.Rollback, "api", overlay, dryRun: true).Printed);
    }

    [Theory]
    [InlineData("nope", "There is no project 'nope' in the AppHost. Give one published blue/green or canary: api.")]
    [InlineData("web", "'web' is published with the rolling strategy, which has nothing to promote or roll back. In the AppHost, add .PublishWithStrategy(DeploymentStrategy.BlueGreen()) or .PublishWithStrategy(DeploymentStrategy.Canary()) to 'web', then publish and deploy.")]
    public void AnUnknownResourceOrOneWithoutAStrategyIsAnErrorNamingTheFix(string resource, string message)
    {
        var (model, overlay) = Published(DeploymentStrategy.BlueGreen());

        foreach (var direction in (ReleaseDirection[])[ReleaseDirection.Promote, ReleaseDirection.Rollback])
        {
            var error = Assert.ThrowsAny<Exception>(() => ReleaseVerbs.Plan(model, direction, resource, overlay, dryRun: true));
            Assert.Equal(("PreconditionFailedException", message), (error.GetType().Name, error.Message));
        }
    }

    [Theory]
    [InlineData("blue-green", "purple", "'purple' is not a colour: a blue/green project's live colour is blue or green.")]
    [InlineData("canary", "150", "'150' is not a canary weight: give a whole percentage from 0 to 100.")]
    [InlineData("canary", "-5", "'-5' is not a canary weight: give a whole percentage from 0 to 100.")]
    public void AStateThatCannotBeIsAnError(string strategy, string from, string message)
    {
        var (model, overlay) = Published(strategy == "canary" ? DeploymentStrategy.Canary() : DeploymentStrategy.BlueGreen());

        Assert.Equal(message, Assert.ThrowsAny<Exception>(() => ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", overlay, dryRun: true, from: from)).Message);
    }

    [Fact]
    public void AnOverlayPublishedBeforeTheStrategyIsAnErrorAskingToPublishAgain()
    {
        var root = StrategyModels.Publish(StrategyModels.Api(DeploymentStrategy.Rolling()));
        var model = StrategyModels.Api(DeploymentStrategy.BlueGreen());

        var error = Assert.ThrowsAny<Exception>(() => ReleaseVerbs.Plan(model, ReleaseDirection.Promote, "api", Path.Combine(root, "overlays", "dev"), dryRun: true));
        Assert.Equal("The overlay dev has no Deployment api-blue or api-green for 'api' (blue-green): publish again (parity publish) and deploy.", error.Message);
    }

    private static string SetWeight(string ns, int weight) =>
        $"kubectl -n {ns} patch ingress api-canary --type merge -p '{{\"metadata\":{{\"annotations\":{{\"{Weight}\":\"{weight}\"}}}}}}'";

    private static (DistributedApplicationModel Model, string Overlay) Published(DeploymentStrategy strategy)
    {
        var model = StrategyModels.Api(strategy);
        return (model, Path.Combine(StrategyModels.Publish(model), "overlays", "staging"));
    }
}
