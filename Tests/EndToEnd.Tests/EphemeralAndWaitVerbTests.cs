using System.Globalization;
using k8s;
using k8s.Models;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>
/// The reference AppHost's <c>deploy --ephemeral</c>, <c>deploy --wait</c> and <c>destroy --ephemeral</c>, run as the user runs
/// them. No cluster here: dry runs need none, and the runs that would talk to one meet a stand-in for kubectl on the PATH
/// that logs its arguments (kubectl kustomize still runs the real kubectl, which works offline). Those runs build no image
/// (<c>--no-build</c>): the SDK's container build would need a registry.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EphemeralAndWaitVerbTests : IDisposable
{
    private readonly string _tree = ParityAndDeployVerbTests.CopyDeployTree();
    private FakeKubectl? _kubectl;

    [Fact]
    public async Task DeployEphemeralDryRunPrintsTheOverlayItsObjectsInTheirNamespaceWithLabelsAndExpiryAndTheCommands()
    {
        var before = DateTimeOffset.UtcNow;
        var (exitCode, stdout, stderr) = await RunAppHostAsync("deploy", "--ephemeral", "Feature/Long_Branch.Name", "--ttl", "2h", "--dry-run", "--output", _tree);
        var after = DateTimeOffset.UtcNow;

        Assert.True(exitCode == 0, $"deploy --ephemeral --dry-run exited with {exitCode}:\n{stdout}\n{stderr}");
        const string ns = "store-feature-long-branch-name";
        var (overlay, objects, commands) = Sections(stdout);
        Assert.Contains($"namespace: {ns}", overlay);
        Assert.Contains("- ../dev", overlay);
        Assert.Contains("behavior: replace", overlay);
        var namespaceObject = Assert.Single(objects.OfType<V1Namespace>());
        Assert.Equal(ns, namespaceObject.Metadata.Name);
        Assert.Equal("true", namespaceObject.Metadata.Labels["parity.dev/ephemeral"]);
        var expires = DateTimeOffset.ParseExact(namespaceObject.Metadata.Labels["parity.dev/expires"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(expires, before.AddHours(2).AddSeconds(-1), after.AddHours(2).AddSeconds(1));
        foreach (var o in objects.Where(o => o is not V1Namespace).Cast<IKubernetesObject<V1ObjectMeta>>())
        {
            Assert.Equal(ns, o.Metadata.NamespaceProperty);
            Assert.Equal("true", o.Metadata.Labels["parity.dev/ephemeral"]);
            Assert.Equal(namespaceObject.Metadata.Labels["parity.dev/expires"], o.Metadata.Labels["parity.dev/expires"]);
        }
        Assert.DoesNotContain("store-dev", stdout);
        Assert.Matches(@"(?m)^  postgres-password: <masked>$", stdout);
        Assert.Matches(@"(?m)^postgres-password=<masked>$", stdout);
        var apply = commands.FindIndex(c => c.StartsWith("kubectl apply", StringComparison.Ordinal));
        Assert.Matches(@"^kubectl apply -k /.+/overlays/ephemeral$", commands[apply]);
        Assert.Equal(
            $"kubectl delete job/catalog-migrations job/customers-migrations job/orders-migrations -n {ns} --ignore-not-found --cascade=foreground",
            commands[apply - 1]);
        Assert.DoesNotContain(commands, c => c.Contains("rollout", StringComparison.Ordinal));

        // Each deploy generates its own secrets: the Secret's name, a hash of its values, differs from one run to the next.
        var (_, again, _) = await RunAppHostAsync("deploy", "--ephemeral", "Feature/Long_Branch.Name", "--dry-run", "--output", _tree);
        Assert.NotEqual(SecretName(objects), SecretName(Sections(again).Objects));
    }

    [Fact]
    public async Task DeployWaitDryRunWaitsForEveryWorkloadOfTheDevOverlayAfterTheApply()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync("deploy", "--wait", "--timeout", "2m", "--dry-run", "--overlay", "dev", "--output", _tree);

        Assert.True(exitCode == 0, $"deploy --wait --dry-run exited with {exitCode}:\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var apply = lines.FindIndex(l => l.StartsWith("kubectl apply -k ", StringComparison.Ordinal));
        var expected = RenderedDevOverlay().Select(o => o switch
        {
            V1Deployment d => $"kubectl rollout status deployment/{d.Metadata.Name} -n store-dev --timeout=120s",
            V1StatefulSet s => $"kubectl rollout status statefulset/{s.Metadata.Name} -n store-dev --timeout=120s",
            V1Job j => $"kubectl wait --for=condition=complete job/{j.Metadata.Name} -n store-dev --timeout=120s",
            _ => null,
        }).OfType<string>().Order().ToList();
        Assert.Equal(16, expected.Count); // 9 Deployments (catalog blue and green, gateway and its canary), 4 StatefulSets, 3 migration Jobs
        Assert.Equal(expected, lines[(apply + 1)..].Order().ToList());
    }

    [Fact]
    public async Task AFailedRolloutStopsTheDeployWithANonZeroExitNamingTheWorkload()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync(FakeTools(), "deploy", "--ephemeral", "pr-9", "--no-build", "--wait", "--timeout", "30s", "--output", _tree);

        Assert.True(exitCode == 1, $"deploy exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("deployment/orders in store-pr-9 did not roll out within 30s (kubectl exited with code 1)", stderr);
        var calls = _kubectl!.Calls();
        Assert.Equal("kubectl config current-context", calls[0]);
        // The environment's run-once Jobs of an earlier deploy go first, so the apply creates the release's anew.
        Assert.Equal("kubectl delete job/catalog-migrations job/customers-migrations job/orders-migrations -n store-pr-9 --ignore-not-found --cascade=foreground", calls[1]);
        Assert.Matches("^kubectl apply -k /.+/overlays/ephemeral$", calls[2]);
        Assert.Contains("kubectl rollout status statefulset/postgres -n store-pr-9 --timeout=30s", calls);
        Assert.Contains("kubectl wait --for=condition=complete job/orders-migrations -n store-pr-9 --timeout=30s", calls);
        Assert.Equal("kubectl rollout status deployment/orders -n store-pr-9 --timeout=30s", calls[^1]);
    }

    [Fact]
    public async Task DestroyRefusesANamespaceWithoutTheEphemeralLabel()
    {
        var environment = FakeTools(namespaceJson: """{"metadata":{"name":"store-prod","labels":{"kubernetes.io/metadata.name":"store-prod"}}}""");

        var (exitCode, stdout, stderr) = await RunAppHostAsync(environment, "destroy", "--ephemeral", "store-prod");

        Assert.True(exitCode == 2, $"destroy exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("store-prod is not an ephemeral environment", stderr);
        Assert.DoesNotContain(_kubectl!.Calls(), c => c.Contains("delete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DestroyDeletesAnEphemeralNamespaceByNameAndLabel()
    {
        var environment = FakeTools(namespaceJson: """{"metadata":{"name":"store-feature-x","labels":{"parity.dev/ephemeral":"true"}}}""");

        var (exitCode, stdout, stderr) = await RunAppHostAsync(environment, "destroy", "--ephemeral", "Feature/X");

        Assert.True(exitCode == 0, $"destroy exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Equal(
            ["kubectl config current-context", "kubectl get namespace store-feature-x -o json",
             "kubectl delete namespace -l parity.dev/ephemeral=true --field-selector metadata.name=store-feature-x"],
            _kubectl!.Calls());
    }

    [Fact]
    public async Task DestroyAndPsDryRunsPrintTheirCommands()
    {
        var destroy = await RunAppHostAsync("destroy", "--ephemeral", "Feature/X", "--context", "ci", "--dry-run");
        var ps = await RunAppHostAsync("ps", "--ephemeral", "--dry-run");

        Assert.True(destroy.ExitCode == 0, destroy.Stderr);
        Assert.Equal(
            ["kubectl --context ci get namespace store-feature-x -o json",
             "kubectl --context ci delete namespace -l parity.dev/ephemeral=true --field-selector metadata.name=store-feature-x"],
            destroy.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(ps.ExitCode == 0, ps.Stderr);
        Assert.Equal("kubectl get namespaces -l parity.dev/ephemeral=true -o json", ps.Stdout.Trim());
    }

    public void Dispose()
    {
        Directory.Delete(_tree, recursive: true);
        _kubectl?.Dispose();
    }

    /// <summary>A kubectl stand-in (<see cref="FakeKubectl"/>): get namespace prints <paramref name="namespaceJson"/>, and
    /// <c>rollout status deployment/orders</c> fails as a rollout past its deadline does.</summary>
    private IReadOnlyDictionary<string, string> FakeTools(string namespaceJson = "{}")
    {
        _kubectl = new FakeKubectl($"""
              "get namespace "*) {FakeKubectl.Prints(namespaceJson)};;
              *"rollout status deployment/orders "*) echo 'error: deployment "orders" exceeded its progress deadline' >&2; exit 1;;
            """);
        return _kubectl.Environment;
    }

    /// <summary>A dry run's parts: the generated kustomization, the rendered objects, the commands.</summary>
    private static (string Overlay, IList<object> Objects, List<string> Commands) Sections(string stdout)
    {
        var overlayStart = stdout.IndexOf("apiVersion: kustomize.config.k8s.io", StringComparison.Ordinal);
        var secrets = stdout.IndexOf("/secrets.env: fresh values, masked", StringComparison.Ordinal);
        var objectsStart = stdout.IndexOf('\n', stdout.IndexOf(": the objects applied, Secret values masked", StringComparison.Ordinal)) + 1;
        var commandsStart = stdout.IndexOf("# Commands\n", StringComparison.Ordinal);
        var objects = KubernetesYaml.LoadAllFromString(stdout[objectsStart..commandsStart].Replace("<masked>", "bWFza2Vk", StringComparison.Ordinal));
        return (stdout[overlayStart..secrets], objects,
            [.. stdout[(commandsStart + "# Commands\n".Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    private static string SecretName(IList<object> objects) => Assert.Single(objects.OfType<V1Secret>()).Metadata.Name;

    private IList<object> RenderedDevOverlay()
    {
        var dev = Path.Combine(_tree, "deploy", "kubernetes", "overlays", "dev");
        File.WriteAllText(Path.Combine(dev, "secrets.env"), "");
        try
        {
            var (exitCode, stdout, stderr) = new Parity.Hosting.Kubernetes.ExternalCommand("kubectl", ["kustomize", dev]).RunCaptured();
            Assert.True(exitCode == 0, stderr);
            return KubernetesYaml.LoadAllFromString(stdout);
        }
        finally
        {
            File.Delete(Path.Combine(dev, "secrets.env"));
        }
    }
}
