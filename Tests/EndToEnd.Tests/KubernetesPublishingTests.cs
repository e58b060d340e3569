using System.Text.Json;
using k8s;
using k8s.Models;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>deploy/kubernetes/ as the reference AppHost publishes it: committed, current, valid, renderable, and free of secrets.</summary>
public sealed class KubernetesPublishingTests
{
    private const string KubernetesDirectory = "deploy/kubernetes";
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;
    private static readonly string[] Overlays = ["dev", "staging", "prod"];

    [Fact]
    public async Task TheCommittedKubernetesManifestsAreWhatTheAppHostPublishesNow()
    {
        var fresh = Path.Combine(await PublishAsync(), KubernetesDirectory);
        var committed = Path.Combine(RepositoryRoot, KubernetesDirectory);

        var freshFiles = PublishedFiles(fresh);
        Assert.Equal(freshFiles, PublishedFiles(committed));
        foreach (var file in freshFiles)
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(committed, file), TestContext.Current.CancellationToken);
            var actual = await File.ReadAllTextAsync(Path.Combine(fresh, file), TestContext.Current.CancellationToken);
            Assert.True(expected == actual, $"{KubernetesDirectory}/{file} is stale: run `dotnet run --project AppHost -- publish` and commit the result.");
        }
    }

    [Fact]
    public async Task EveryKubernetesObjectDeserialisesStrictly()
    {
        var root = Path.Combine(await PublishAsync(), KubernetesDirectory);
        var objects = 0;
        foreach (var file in PublishedFiles(root).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) && !IsKustomizeFile(f)))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(root, file), TestContext.Current.CancellationToken);
            var documents = KubernetesYaml.LoadAllFromString(text, strict: true);
            Assert.True(documents.Count > 0, $"{file} holds no Kubernetes object.");
            objects += documents.Count;
        }
        Assert.True(objects > 20, $"Only {objects} objects were published.");
    }

    [Fact]
    public async Task EveryOverlayRendersWithKustomizeAndEveryWorkloadInItRunsLockedDown()
    {
        var root = Path.Combine(await PublishAsync(), KubernetesDirectory);
        foreach (var overlay in Overlays)
        {
            var directory = Path.Combine(root, "overlays", overlay);
            var example = await File.ReadAllLinesAsync(Path.Combine(directory, "secrets.env.example"), TestContext.Current.CancellationToken);
            var throwaway = example.Where(l => !l.StartsWith('#') && l.Contains('=')).Select(l => $"{l.Split('=')[0]}=throwaway-{Guid.NewGuid():N}");
            await File.WriteAllLinesAsync(Path.Combine(directory, "secrets.env"), throwaway, TestContext.Current.CancellationToken);

            var (exitCode, stdout, stderr) = await RunAsync("kubectl", "kustomize", directory);

            Assert.True(exitCode == 0, $"kubectl kustomize overlays/{overlay} failed: {stderr}");
            var rendered = KubernetesYaml.LoadAllFromString(stdout, strict: true);
            Assert.Contains(rendered, o => o is k8s.Models.V1Secret);
            Assert.All(rendered.OfType<IKubernetesObject<k8s.Models.V1ObjectMeta>>().Where(o => o is not k8s.Models.V1Namespace),
                o => Assert.Equal($"store-{overlay}", o.Metadata.NamespaceProperty));
            LockedDownWorkloads.AssertEvery(rendered);
        }
    }

    [Fact]
    public async Task NoSecretValueIsPublished()
    {
        const string password = "a-very-secret-password-that-must-never-be-published-in-kubernetes-0123456789";
        var state = Directory.CreateTempSubdirectory("parity-publish-").FullName;
        var output = await PublishAsync($"--Parameters:postgres-password={password}", $"--Parity:StateDirectory={state}");

        var secrets = new List<string> { password };
        var secretsFile = Path.Combine(state, "secrets.json");
        if (File.Exists(secretsFile))
        {
            secrets.AddRange(JsonSerializer.Deserialize<Dictionary<string, string>>(
                await File.ReadAllTextAsync(secretsFile, TestContext.Current.CancellationToken))!.Values);
        }
        var root = Path.Combine(output, KubernetesDirectory);
        foreach (var file in PublishedFiles(root))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(root, file), TestContext.Current.CancellationToken);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} contains a secret value.");
            }
        }
        var gateway = await File.ReadAllTextAsync(Path.Combine(root, "base", "gateway-configmap.yaml"), TestContext.Current.CancellationToken);
        // The development signing key is for the local run only: the cluster's gateway validates an authority's tokens.
        Assert.Contains("Jwt__SigningKey: \"\"", gateway);
        Assert.Contains("Authentication__Authority: https://login.example.com/realms/store", gateway);
        var migrations = await File.ReadAllTextAsync(Path.Combine(root, "base", "customers-migrations-job.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains("Host=postgres;Port=5432;Username=postgres;Password=$(PARAM_POSTGRES_PASSWORD);Database=customersdb", migrations);
    }

    [Fact]
    public async Task AutoscalingAndDisruptionBudgetsFollowTheModel()
    {
        var root = Path.Combine(RepositoryRoot, KubernetesDirectory, "base");
        // catalog is published blue/green: each colour has the declared autoscaler and a budget of its own.
        foreach (var color in (string[])["blue", "green"])
        {
            var autoscaler = KubernetesYaml.Deserialize<V2HorizontalPodAutoscaler>(
                await File.ReadAllTextAsync(Path.Combine(root, $"catalog-{color}-horizontalpodautoscaler.yaml"), TestContext.Current.CancellationToken), strict: true);
            var deployment = KubernetesYaml.Deserialize<V1Deployment>(
                await File.ReadAllTextAsync(Path.Combine(root, $"catalog-{color}-deployment.yaml"), TestContext.Current.CancellationToken), strict: true);

            Assert.Equal((2, 6, 70), (autoscaler.Spec.MinReplicas, autoscaler.Spec.MaxReplicas, autoscaler.Spec.Metrics[0].Resource.Target.AverageUtilization));
            Assert.Equal(("Deployment", $"catalog-{color}"), (autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name));
            Assert.Equal(2, deployment.Spec.Replicas);
            Assert.Equal(0, deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value is string s ? int.Parse(s) : -1);
            Assert.True(File.Exists(Path.Combine(root, $"catalog-{color}-poddisruptionbudget.yaml")));
        }
        Assert.All(["notifications", "orders", "customers"], service => // WithReplicas(2)
            Assert.True(File.Exists(Path.Combine(root, $"{service}-poddisruptionbudget.yaml")), service));
        Assert.False(File.Exists(Path.Combine(root, "gateway-poddisruptionbudget.yaml")));
    }

    [Fact]
    public async Task EveryCommittedOverlayPassesThePolicyCheck()
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync(["policy"]);

        Assert.True(exitCode == 0, stdout + stderr);
        foreach (var overlay in Overlays)
        {
            Assert.Contains($"Overlay '{overlay}': 0 finding(s), 0 waived", stdout);
        }
    }

    [Fact]
    public async Task AnInvalidQuotaHeadroomFailsThePublishNamingTheSettingAndTheFix()
    {
        var output = Directory.CreateTempSubdirectory("parity-kubernetes-").FullName;
        var (exitCode, _, stderr) = await RunAppHostAsync(["publish", "--output", output, "--Parity:QuotaHeadroomPercent=lots"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Parity:QuotaHeadroomPercent is 'lots': give a whole number of percent", stderr);
        Assert.False(Directory.Exists(Path.Combine(output, KubernetesDirectory, "overlays")));
    }

    private static bool IsKustomizeFile(string file) =>
        Path.GetFileName(file) == "kustomization.yaml" || file.EndsWith("deployment-resources.yaml", StringComparison.Ordinal);

    /// <summary>Every published file, relative to the root; the git-ignored secrets.env files are not published.</summary>
    private static List<string> PublishedFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "secrets.env")
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Publishes into a new temporary folder and returns it.</summary>
    private static async Task<string> PublishAsync(params string[] extraArgs)
    {
        var output = Directory.CreateTempSubdirectory("parity-kubernetes-").FullName;
        var (exitCode, _, stderr) = await RunAppHostAsync(["publish", "--output", output, .. extraArgs]);
        Assert.True(exitCode == 0, stderr);
        return output;
    }

}
