using System.Text;
using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

/// <summary>
/// The overlay deploy --ephemeral generates on top of a published dev overlay, as kubectl kustomize renders it (offline),
/// and the pieces around it: masked printouts, the waits of deploy --wait, destroy's refusal, ps's table.
/// </summary>
public sealed class EphemeralOverlayTests : IDisposable
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly string _output = Directory.CreateTempSubdirectory("parity-ephemeral-test-").FullName;

    [Fact]
    public void EveryObjectMovesToTheNamespaceAndCarriesTheEphemeralLabels()
    {
        using var overlay = EphemeralOverlay.Write(PublishedDevOverlay(), "test-pr-1", Expires, new Dictionary<string, (string, string)>());

        var objects = Render(overlay.Directory);

        var ns = Assert.Single(objects.OfType<V1Namespace>());
        Assert.Equal("test-pr-1", ns.Metadata.Name);
        foreach (var o in objects.Cast<IKubernetesObject<V1ObjectMeta>>())
        {
            Assert.Equal("true", o.Metadata.Labels[EphemeralLabels.Ephemeral]);
            Assert.Equal("20261210T000000Z", o.Metadata.Labels[EphemeralLabels.Expires]);
            if (o is not V1Namespace)
            {
                Assert.Equal("test-pr-1", o.Metadata.NamespaceProperty);
            }
        }
        // Selectors stay as published: a Deployment's selector cannot change once applied.
        var api = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "api");
        Assert.DoesNotContain(EphemeralLabels.Ephemeral, api.Spec.Selector.MatchLabels.Keys);
        Assert.DoesNotContain("test-dev", File.ReadAllText(Path.Combine(overlay.Directory, "kustomization.yaml")));
        Assert.DoesNotContain(objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => o.Metadata.NamespaceProperty == "test-dev" || o.Metadata.Name == "test-dev");
    }

    [Fact]
    public void TheSecretHoldsFreshValuesNeverTheExamplesAndNeverTheSameTwice()
    {
        var dev = PublishedDevOverlay();
        var exampleValues = File.ReadAllLines(Path.Combine(dev, "secrets.env.example"))
            .Where(l => !l.StartsWith('#') && l.Contains('=')).Select(l => l[(l.IndexOf('=') + 1)..]).ToHashSet();
        using var first = EphemeralOverlay.Write(dev, "test-a", Expires, new Dictionary<string, (string, string)>());
        using var second = EphemeralOverlay.Write(dev, "test-a", Expires, new Dictionary<string, (string, string)>());

        Assert.Equal(["pg-password", "pw", "pw.uri"], first.Secrets.Select(s => s.Key).Order());
        var secret = Assert.Single(Render(first.Directory).OfType<V1Secret>());
        foreach (var (key, value) in first.Secrets)
        {
            Assert.True(value.Length >= 32, key);
            Assert.DoesNotContain(value, exampleValues);
            Assert.NotEqual(value, second.Secrets.Single(s => s.Key == key).Value);
            Assert.Equal(value, Encoding.UTF8.GetString(secret.Data[key]));
        }
        Assert.Equal(Uri.EscapeDataString(first.Secrets.Single(s => s.Key == "pw").Value), first.Secrets.Single(s => s.Key == "pw.uri").Value);
        // The Secret's name carries a hash of its values: each environment's differs, and the workloads refer to it.
        Assert.NotEqual(secret.Metadata.Name, Assert.Single(Render(second.Directory).OfType<V1Secret>()).Metadata.Name);
    }

    [Fact]
    public void ADevelopersSecretsEnvIsNeverCopied()
    {
        var dev = PublishedDevOverlay();
        File.WriteAllText(Path.Combine(dev, "secrets.env"), "pg-password=my-own-dev-password\npw=mine\npw.uri=mine\n");

        using var overlay = EphemeralOverlay.Write(dev, "test-a", Expires, new Dictionary<string, (string, string)>());

        var rendered = Render(overlay.Directory).OfType<V1Secret>().Single();
        Assert.DoesNotContain(rendered.Data.Values, v => Encoding.UTF8.GetString(v).Contains("mine", StringComparison.Ordinal) || Encoding.UTF8.GetString(v) == "my-own-dev-password");
        Assert.DoesNotContain("my-own-dev-password", string.Concat(Directory.EnumerateFiles(overlay.Root, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    [Fact]
    public void TheEnvironmentPullsTheImagesDeployBuiltWhenRegistryOrTagAreGiven()
    {
        var dev = PublishedDevOverlay();
        var images = DeployCommand.ImageOverrides(new DeployOptions("dev", Registry: "registry.example.com/ci", Tag: "pr-7"), OverlayImage.ReadAll(dev));
        using var overlay = EphemeralOverlay.Write(dev, "test-pr-7", Expires, images);

        var api = Render(overlay.Directory).OfType<V1Deployment>().Single(d => d.Metadata.Name == "api");

        Assert.Equal("registry.example.com/ci/testservice:pr-7", api.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public void PrintedObjectsMaskEverySecretValue()
    {
        using var overlay = EphemeralOverlay.Write(PublishedDevOverlay(), "test-a", Expires, new Dictionary<string, (string, string)>());
        var rendered = Kustomize(overlay.Directory);

        var printed = MaskedSecrets.Of(rendered) + string.Join('\n', MaskedSecrets.OfEnv(overlay.Secrets));

        foreach (var (key, value) in overlay.Secrets)
        {
            Assert.DoesNotContain(value, printed);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), printed);
            Assert.Contains($"{key}: {MaskedSecrets.Mask}", printed);
        }
        // Everything else is printed as rendered: as many documents, the same objects otherwise.
        Assert.Equal(Documents(rendered).Count, Documents(MaskedSecrets.Of(rendered)).Count);
        Assert.Equal(rendered.Split('\n').Count(l => !l.StartsWith("  ", StringComparison.Ordinal)), MaskedSecrets.Of(rendered).Split('\n').Count(l => !l.StartsWith("  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void WaitsCoverEveryWorkloadBackingServicesAndJobsFirst()
    {
        using var overlay = EphemeralOverlay.Write(PublishedDevOverlay(), "test-a", Expires, new Dictionary<string, (string, string)>());

        var waits = RolloutWaits.For(Render(overlay.Directory), "kind-ci", TimeSpan.FromMinutes(2)).Select(w => w.Command.ToString()).ToList();

        Assert.Equal(
        [
            "kubectl --context kind-ci rollout status statefulset/pg -n test-a --timeout=120s",
            "kubectl --context kind-ci rollout status statefulset/rabbitmq -n test-a --timeout=120s",
            "kubectl --context kind-ci wait --for=condition=complete job/migrations -n test-a --timeout=120s",
            "kubectl --context kind-ci rollout status deployment/api -n test-a --timeout=120s",
        ], waits);
    }

    [Fact]
    public void DestroyDeletesOnlyANamespaceLabelledEphemeral()
    {
        Assert.Null(DestroyCommand.RefusalReason("""{"metadata":{"name":"store-pr-1","labels":{"parity.dev/ephemeral":"true","parity.dev/expires":"20261210T000000Z"}}}"""));
        Assert.Contains("store-prod is not an ephemeral environment", DestroyCommand.RefusalReason("""{"metadata":{"name":"store-prod"}}"""));
        Assert.NotNull(DestroyCommand.RefusalReason("""{"metadata":{"name":"store-dev","labels":{"kubernetes.io/metadata.name":"store-dev"}}}"""));
        Assert.NotNull(DestroyCommand.RefusalReason("""{"metadata":{"name":"store-x","labels":{"parity.dev/ephemeral":"false"}}}"""));

        var (check, delete) = DestroyCommand.Commands("store-pr-1", null);
        Assert.Equal("kubectl get namespace store-pr-1 -o json", check.ToString());
        // The label is part of the delete itself, so a namespace relabelled after the check is still spared.
        Assert.Equal("kubectl delete namespace -l parity.dev/ephemeral=true --field-selector metadata.name=store-pr-1", delete.ToString());
    }

    [Fact]
    public void PsListsNameAgeExpiryAndWhetherExpired()
    {
        const string json = """
            {"apiVersion":"v1","kind":"List","items":[
              {"metadata":{"name":"store-pr-2","creationTimestamp":"2026-12-06T10:00:00Z","labels":{"parity.dev/ephemeral":"true","parity.dev/expires":"20261209T100000Z"}}},
              {"metadata":{"name":"store-old","creationTimestamp":"2026-12-01T09:30:00Z","labels":{"parity.dev/ephemeral":"true","parity.dev/expires":"20261204T093000Z"}}},
              {"metadata":{"name":"store-hand-made","creationTimestamp":"2026-12-07T00:00:00Z","labels":{"parity.dev/ephemeral":"true"}}}
            ]}
            """;
        var now = new DateTimeOffset(2026, 12, 7, 0, 12, 0, TimeSpan.Zero);

        var environments = EphemeralEnvironmentList.Parse(json);
        var lines = EphemeralEnvironmentList.Table(environments, now).TrimEnd().Split('\n');

        Assert.Matches(@"^NAME\s+AGE\s+EXPIRES\s+EXPIRED$", lines[0]);
        Assert.Matches(@"^store-hand-made\s+12m0s\s+\?\s+\?$", lines[1]);
        Assert.Matches(@"^store-old\s+5d14h\s+2026-12-04 09:30Z\s+yes$", lines[2]);
        Assert.Matches(@"^store-pr-2\s+14h12m\s+2026-12-09 10:00Z\s+no$", lines[3]);
        Assert.Equal("No ephemeral environments.\n", EphemeralEnvironmentList.Table(EphemeralEnvironmentList.Parse("""{"items":[]}"""), now));
        Assert.Equal("kubectl get namespaces -l parity.dev/ephemeral=true -o json", EphemeralEnvironmentList.Command(null).ToString());
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>A small app published: a database with a secret password, a broker whose password is URI-escaped, a migration job, a service.</summary>
    private string PublishedDevOverlay()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddPostgres("pg").AddDatabase("db");
        var rabbit = builder.AddRabbitMQ("rabbitmq", password: builder.AddParameter("pw", secret: true));
        var migrations = builder.AddProject<Projects.TestService>("migrations").WithReference(db).WaitFor(db);
        builder.AddProject<Projects.TestService>("api").WithReference(db).WithReference(rabbit).WaitForCompletion(migrations);
        var root = KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), _output, "test");
        return Path.Combine(root, "overlays", "dev");
    }

    private static IList<YamlDotNet.RepresentationModel.YamlDocument> Documents(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents;
    }

    private static IList<object> Render(string overlay) => KubernetesYaml.LoadAllFromString(Kustomize(overlay));

    private static string Kustomize(string overlay)
    {
        var (exitCode, stdout, stderr) = new ExternalCommand("kubectl", ["kustomize", overlay]).RunCaptured();
        Assert.True(exitCode == 0, stderr);
        return stdout;
    }
}
