using k8s;
using k8s.Models;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>
/// The store's strategies as committed (catalog blue/green, gateway canary) and the reference AppHost's promote and
/// rollback verbs on them: dry runs need no cluster and print the exact patches; a wrong resource exits with code 2.
/// </summary>
public sealed class DeploymentStrategyTests
{
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;
    private static readonly string Base = Path.Combine(RepositoryRoot, "deploy", "kubernetes", "base");

    [Fact]
    public void CatalogRunsBlueAndGreenAndGatewayAStableAndACanary()
    {
        Assert.Equal("blue", Load<V1Service>("catalog-service.yaml").Spec.Selector["parity.dev/color"]);
        Assert.Equal("green", Load<V1Deployment>("catalog-green-deployment.yaml").Spec.Template.Metadata.Labels["parity.dev/color"]);
        Assert.False(File.Exists(Path.Combine(Base, "catalog-deployment.yaml")));

        Assert.Equal("canary", Load<V1Deployment>("gateway-canary-deployment.yaml").Spec.Template.Metadata.Labels["parity.dev/track"]);
        var canary = Load<V1Ingress>("gateway-canary-ingress.yaml");
        Assert.Equal(("true", "5"), (canary.Metadata.Annotations["nginx.ingress.kubernetes.io/canary"], canary.Metadata.Annotations["nginx.ingress.kubernetes.io/canary-weight"]));
        Assert.Equal("gateway-canary", canary.Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
        Assert.Equal("gateway-stable", Load<V1Ingress>("gateway-ingress.yaml").Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
    }

    [Fact]
    public async Task PromoteAndRollbackPrintTheirPatchesInADryRun()
    {
        var promoteCatalog = await RunAppHostAsync(["promote", "catalog", "--overlay", "staging", "--dry-run"]);
        Assert.Equal(
            (0, """
            catalog: blue is live; promote checks catalog-green has rolled out and switches the Service to green.
            kubectl -n store-staging rollout status deployment/catalog-green --timeout=10m
            kubectl -n store-staging patch service catalog --type merge -p '{"spec":{"selector":{"parity.dev/color":"green"}}}'

            """),
            (promoteCatalog.ExitCode, promoteCatalog.Stdout));

        var promoteGateway = await RunAppHostAsync(["promote", "gateway", "--overlay", "prod", "--dry-run", "--from", "25"]);
        Assert.Equal(
            (0, """
            gateway: the canary takes 25%; promote checks gateway-canary has rolled out and sets its weight to 50.
            kubectl -n store-prod rollout status deployment/gateway-canary --timeout=10m
            kubectl -n store-prod patch ingress gateway-canary --type merge -p '{"metadata":{"annotations":{"nginx.ingress.kubernetes.io/canary-weight":"50"}}}'

            """),
            (promoteGateway.ExitCode, promoteGateway.Stdout));

        var rollbackGateway = await RunAppHostAsync(["rollback", "gateway", "--dry-run"]);
        Assert.Equal(0, rollbackGateway.ExitCode);
        Assert.Contains("""kubectl -n store-dev patch deployment gateway-canary --type merge -p '{"spec":{"replicas":0}}'""", rollbackGateway.Stdout);
    }

    [Theory]
    [InlineData("promote", "customers", "'customers' is published with the rolling strategy")]
    [InlineData("rollback", "payments", "There is no project 'payments' in the AppHost. Give one published blue/green or canary: catalog, gateway.")]
    public async Task AResourceWithoutTheStrategyExitsWithCodeTwoNamingTheFix(string verb, string resource, string message)
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync([verb, resource, "--dry-run"]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task WithoutAClusterAndWithoutADryRunTheStateCannotBeReadAndNothingRuns()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync(["promote", "catalog", "--context", "parity-no-such-context"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Cannot read the live colour of 'catalog' from the cluster", stderr);
        Assert.Contains("pass --from with the current state", stderr);
        Assert.DoesNotContain("patch", stdout);
    }

    private static T Load<T>(string file) => KubernetesYaml.Deserialize<T>(File.ReadAllText(Path.Combine(Base, file)), strict: true);
}
