using System.Text.RegularExpressions;
using k8s.Models;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>
/// The reference AppHost's <c>deploy --overlay prod</c> on its blue/green catalog and canary gateway, against a kubectl
/// stand-in that answers the reads with a live state (or with nothing: a first deploy) and keeps what each apply would
/// give the cluster. No image is built (<c>--no-build</c>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StrategyDeployVerbTests : IDisposable
{
    private const string Registry = "registry.example.com/store";
    private readonly string _tree = ParityAndDeployVerbTests.CopyDeployTree();

    /// <summary>catalog runs green (at v1), gateway v1 with its canary at 25%.</summary>
    private readonly FakeKubectl _live = new($"""
          *"get service catalog "*) printf green;;
          *"get deployment catalog-green "*) printf {Registry}/catalog:v1;;
          *"get deployment gateway "*) printf {Registry}/gateway:v1;;
          *"get ingress gateway-canary "*) printf 25;;
        """);

    private readonly FakeKubectl _empty = new();

    /// <summary>The deletion of the overlay's run-once Jobs that precedes every apply.</summary>
    private const string DeleteJobs =
        "kubectl delete job/catalog-migrations job/customers-migrations job/orders-migrations -n store-prod --ignore-not-found --cascade=foreground";

    private string Prod => Path.Combine(_tree, "deploy", "kubernetes", "overlays", "prod");

    [Fact]
    public async Task TheReleaseGoesToTheIdleColourAndTheCanaryWhileTheSelectorTheLiveImagesAndTheWeightAreKept()
    {
        var stdout = await DeployV2Async();

        var applied = _live.Applied();
        Assert.Equal($"{Registry}/catalog:v1", Image(applied, "catalog-green"));
        Assert.Equal($"{Registry}/catalog:v2", Image(applied, "catalog-blue"));
        Assert.Equal("green", Named<V1Service>(applied, "catalog").Spec.Selector["parity.dev/color"]);
        Assert.Equal($"{Registry}/gateway:v1", Image(applied, "gateway"));
        Assert.Equal($"{Registry}/gateway:v2", Image(applied, "gateway-canary"));
        Assert.Equal("25", Named<V1Ingress>(applied, "gateway-canary").Metadata.Annotations["nginx.ingress.kubernetes.io/canary-weight"]);
        Assert.Equal($"{Registry}/orders:v2", Image(applied, "orders"));
        // Read right before the apply (and the Jobs' deletion); then the idle colour and the canary are checked with the rest.
        var calls = _live.Calls().ToList();
        var apply = calls.FindIndex(c => c.StartsWith("kubectl apply -k ", StringComparison.Ordinal));
        Assert.Equal(
        [
            "kubectl -n store-prod get service catalog --ignore-not-found -o jsonpath={.spec.selector.parity\\.dev/color}",
            "kubectl -n store-prod get deployment catalog-green --ignore-not-found -o jsonpath={.spec.template.spec.containers[0].image}",
            "kubectl -n store-prod get deployment gateway --ignore-not-found -o jsonpath={.spec.template.spec.containers[0].image}",
            "kubectl -n store-prod get ingress gateway-canary --ignore-not-found -o jsonpath={.metadata.annotations.nginx\\.ingress\\.kubernetes\\.io/canary-weight}",
            DeleteJobs,
        ], calls[(apply - 5)..apply]);
        Assert.Contains("kubectl rollout status deployment/catalog-blue -n store-prod --timeout=300s", calls[apply..]);
        Assert.Contains("kubectl rollout status deployment/gateway-canary -n store-prod --timeout=300s", calls[apply..]);
        Assert.Contains($"# catalog: green is live; the Service keeps selecting it and catalog-green keeps {Registry}/catalog:v1; catalog-blue takes the release", stdout);
    }

    [Fact]
    public async Task EachDeployDeletesTheRunOnceJobsRightBeforeTheApplySoTheWaitsMeetTheReleasesOwnJobs()
    {
        await DeployV2Async();

        // Deleted once gone, pods included (kubectl delete waits): the apply creates the Jobs anew, with the release's image.
        var calls = _live.Calls().ToList();
        var apply = calls.FindIndex(c => c.StartsWith("kubectl apply -k ", StringComparison.Ordinal));
        Assert.Matches("^kubectl apply -k /.+/release$", calls[apply]);
        Assert.Equal(DeleteJobs, calls[apply - 1]);
        Assert.Single(calls, c => c.Contains(" delete ", StringComparison.Ordinal));
        Assert.Equal(
        [
            "kubectl rollout status statefulset/minio -n store-prod --timeout=300s",
            "kubectl rollout status statefulset/postgres -n store-prod --timeout=300s",
            "kubectl rollout status statefulset/rabbitmq -n store-prod --timeout=300s",
            "kubectl rollout status statefulset/redis -n store-prod --timeout=300s",
            "kubectl wait --for=condition=complete job/catalog-migrations -n store-prod --timeout=300s",
            "kubectl wait --for=condition=complete job/customers-migrations -n store-prod --timeout=300s",
            "kubectl wait --for=condition=complete job/orders-migrations -n store-prod --timeout=300s",
        ], calls[(apply + 1)..(apply + 8)]);
        Assert.Equal($"{Registry}/orders:v2", Named<V1Job>(_live.Applied(), "orders-migrations").Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task AFailedMigrationStopsTheDeployNamingItsJob()
    {
        WriteSecrets();
        using var kubectl = new FakeKubectl("""
              *"wait --for=condition=complete job/customers-migrations "*) echo 'error: timed out waiting for the condition on jobs/customers-migrations' >&2; exit 1;;
            """);

        var (exitCode, stdout, stderr) = await RunAppHostAsync(kubectl.Environment, "deploy", "--overlay", "prod", "--no-build", "--wait", "--timeout", "2m", "--output", _tree);

        Assert.True(exitCode == 1, $"deploy exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("job/customers-migrations in store-prod did not complete within 120s (kubectl exited with code 1)", stderr);
        var calls = kubectl.Calls();
        Assert.Equal(DeleteJobs, calls[Array.IndexOf(calls, $"kubectl apply -k {Prod}") - 1]);
        // No service is waited for behind the migration it needs.
        Assert.Equal("kubectl wait --for=condition=complete job/customers-migrations -n store-prod --timeout=120s", calls[^1]);
    }

    [Fact]
    public async Task AFirstDeployAppliesTheOverlayAsPublished()
    {
        WriteSecrets();

        var (exitCode, stdout, stderr) = await RunAppHostAsync(_empty.Environment, "deploy", "--overlay", "prod", "--no-build", "--output", _tree);

        Assert.True(exitCode == 0, $"deploy exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Equal([DeleteJobs, $"kubectl apply -k {Prod}"], _empty.Calls()[^2..]);
        Assert.Contains("# catalog: not in the cluster yet; the overlay applies as published (blue live).", stdout);
        Assert.Contains("# gateway: not in the cluster yet; the overlay applies as published (the canary at 5%).", stdout);
    }

    [Fact]
    public async Task APlainDeployWithATagPullsWhatItBuiltEverywhereOnAFirstDeploy()
    {
        WriteSecrets();

        var (exitCode, stdout, stderr) = await RunAppHostAsync(_empty.Environment,
            "deploy", "--overlay", "prod", "--tag", "v2", "--registry", "ghcr.io/acme", "--no-build", "--output", _tree);

        Assert.True(exitCode == 0, $"deploy exited with {exitCode}:\n{stdout}\n{stderr}");
        var applied = _empty.Applied();
        foreach (var deployment in applied.OfType<V1Deployment>())
        {
            Assert.StartsWith("ghcr.io/acme/store/", deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
            Assert.EndsWith(":v2", deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
        }
        Assert.Equal("ghcr.io/acme/store/catalog:v2", Image(applied, "catalog-green"));
        Assert.Equal("blue", Named<V1Service>(applied, "catalog").Spec.Selector["parity.dev/color"]);
        Assert.Equal("5", Named<V1Ingress>(applied, "gateway-canary").Metadata.Annotations["nginx.ingress.kubernetes.io/canary-weight"]);
    }

    [Fact]
    public async Task ADryRunPrintsTheReadsTheirAnswersAndTheGeneratedOverlayAndAppliesNothing()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync(_live.Environment,
            "deploy", "--overlay", "prod", "--tag", "v2", "--no-build", "--dry-run", "--output", _tree);

        Assert.True(exitCode == 0, $"deploy --dry-run exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.DoesNotContain(_live.Calls(), c => !c.Contains(" get ", StringComparison.Ordinal));
        Assert.Contains("""
            kubectl -n store-prod get service catalog --ignore-not-found -o 'jsonpath={.spec.selector.parity\.dev/color}'
            #   green
            """, stdout);
        Assert.Contains("""
            - target:
                kind: Service
                name: catalog
              patch: '[{"op":"replace","path":"/spec/selector/parity.dev~1color","value":"green"}]'
            """, stdout);
        Assert.Contains("""
              patch: '[{"op":"replace","path":"/metadata/annotations/nginx.ingress.kubernetes.io~1canary-weight","value":"25"}]'
            """, stdout);
        Assert.Contains($"  newName: {Registry}/catalog\n  newTag: v2\n", stdout);
        Assert.Matches($@"(?m)^{Regex.Escape(DeleteJobs)}\nkubectl apply -k /.+/release$", stdout);
    }

    [Fact]
    public async Task ADryRunWithoutAClusterSaysWhatItAssumes()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync(
            "deploy", "--overlay", "prod", "--tag", "v2", "--no-build", "--dry-run", "--context", "parity-no-such-context", "--output", _tree);

        Assert.True(exitCode == 0, $"deploy --dry-run exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("# Cannot read the live colour of 'catalog' from the cluster (kubectl --context parity-no-such-context -n store-prod get service catalog", stdout);
        Assert.Contains("# Assuming the cluster runs catalog as the overlay publishes it.", stdout);
        Assert.Contains($"# catalog: blue is live; the Service keeps selecting it and catalog-blue keeps {Registry}/catalog:prod; catalog-green takes the release", stdout);
        Assert.Contains($"# gateway: gateway keeps {Registry}/gateway:prod and gateway-canary its weight, 5%; gateway-canary takes the release", stdout);
    }

    public void Dispose()
    {
        Directory.Delete(_tree, recursive: true);
        _live.Dispose();
        _empty.Dispose();
    }

    /// <summary><c>deploy --overlay prod --tag v2 --wait</c> against the live state, which succeeds; its output.</summary>
    private async Task<string> DeployV2Async()
    {
        WriteSecrets();
        var (exitCode, stdout, stderr) = await RunAppHostAsync(_live.Environment,
            "deploy", "--overlay", "prod", "--tag", "v2", "--no-build", "--wait", "--output", _tree);
        Assert.True(exitCode == 0, $"deploy exited with {exitCode}:\n{stdout}\n{stderr}");
        return stdout;
    }

    /// <summary>A secrets.env setting every key, as a deploy that applies requires.</summary>
    private void WriteSecrets() => File.WriteAllLines(Path.Combine(Prod, "secrets.env"),
        File.ReadAllLines(Path.Combine(Prod, "secrets.env.example")).Where(l => !l.StartsWith('#') && l.EndsWith('=')).Select(l => l + "x"));

    private static string Image(IList<object> objects, string deployment) => Named<V1Deployment>(objects, deployment).Spec.Template.Spec.Containers[0].Image;

    private static T Named<T>(IList<object> objects, string name) where T : k8s.IKubernetesObject<V1ObjectMeta> =>
        objects.OfType<T>().Single(o => o.Metadata.Name == name);
}
