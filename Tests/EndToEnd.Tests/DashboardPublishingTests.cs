using k8s;
using k8s.Models;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>
/// <c>publish --include-dashboard</c>: the cluster runs the dashboard and every project exports its telemetry there,
/// with the API key taken from the overlay's Secret. Without it, nothing of the dashboard is published.
/// </summary>
public sealed class DashboardPublishingTests
{
    private const string Dashboard = "parity-dashboard";
    private const string ApiKeyVariable = "PARAM_PARITY_DASHBOARD_OTLP_API_KEY";
    private static readonly string[] Overlays = ["dev", "staging", "prod"];
    private static readonly string[] Services = ["catalog", "customers", "gateway", "notifications", "orders"];
    private static readonly string[] RunOnce = ["catalog-migrations", "customers-migrations", "orders-migrations"];

    [Fact]
    public async Task TheDashboardIsADeploymentBehindAClusterIpServiceWithItsKeysFromTheSecret()
    {
        var root = await PublishAsync(includeDashboard: true);

        var service = await LoadAsync<V1Service>(root, "base", $"{Dashboard}-service.yaml");
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal([("http", 18888), ("otlp-grpc", 18889), ("otlp-http", 18890)], service.Spec.Ports.Select(p => (p.Name, p.Port)));
        var deployment = await LoadAsync<V1Deployment>(root, "base", $"{Dashboard}-deployment.yaml");
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("parity-dashboard:latest", container.Image);
        Assert.Equal(service.Spec.Ports.Select(p => p.Name), container.Ports.Select(p => p.Name));
        Assert.Equal(("/health", "http"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(("/health", "http"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.NotNull(container.Resources.Requests);
        Assert.NotNull(container.Resources.Limits);

        var env = container.Env.ToDictionary(e => e.Name);
        Assert.Equal("http://0.0.0.0:18888", env["Dashboard__FrontendUrl"].Value);
        Assert.Equal("http://0.0.0.0:18889", env["Dashboard__OtlpGrpcUrl"].Value);
        Assert.Equal("http://0.0.0.0:18890", env["Dashboard__OtlpHttpUrl"].Value);
        Assert.DoesNotContain("Dashboard__StoragePath", env.Keys); // memory only: a pod has no place to keep it
        AssertFromSecret(container.Env, "Dashboard__OtlpApiKey", ApiKeyVariable, "parity-dashboard-otlp-api-key");
        AssertFromSecret(container.Env, "Dashboard__BrowserToken", "PARAM_PARITY_DASHBOARD_BROWSER_TOKEN", "parity-dashboard-browser-token");

        Assert.Empty(Directory.EnumerateFiles(root, $"{Dashboard}-ingress.yaml", SearchOption.AllDirectories));
        foreach (var overlay in Overlays)
        {
            var example = await File.ReadAllLinesAsync(Path.Combine(root, "overlays", overlay, "secrets.env.example"), TestContext.Current.CancellationToken);
            Assert.Contains("parity-dashboard-otlp-api-key=", example);
            Assert.Contains("parity-dashboard-browser-token=", example);
        }
    }

    [Fact]
    public async Task EveryProjectExportsTelemetryToTheDashboardServiceWithTheKeyFromTheSecret()
    {
        var root = await PublishAsync(includeDashboard: true);
        var service = await LoadAsync<V1Service>(root, "base", $"{Dashboard}-service.yaml");
        var otlpGrpc = service.Spec.Ports.Single(p => p.Name == "otlp-grpc").Port;

        foreach (var project in Services.Concat(RunOnce))
        {
            var config = await LoadAsync<V1ConfigMap>(root, "base", $"{project}-configmap.yaml");
            Assert.Equal($"http://{service.Metadata.Name}:{otlpGrpc}", config.Data["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", config.Data["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal(project, config.Data["OTEL_SERVICE_NAME"]);
            Assert.DoesNotContain("OTEL_EXPORTER_OTLP_HEADERS", config.Data.Keys);

            // Every Deployment of the project: catalog runs blue and green, gateway a stable and a canary.
            var containers = RunOnce.Contains(project)
                ? [Assert.Single((await LoadAsync<V1Job>(root, "base", $"{project}-job.yaml")).Spec.Template.Spec.Containers)]
                : (await DeploymentsOfAsync(root, project)).Select(d => Assert.Single(d.Spec.Template.Spec.Containers)).ToList();
            Assert.NotEmpty(containers);
            foreach (var container in containers)
            {
                var headers = container.Env.Single(e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS");
                Assert.Equal($"x-otlp-api-key=$({ApiKeyVariable})", headers.Value);
                AssertFromSecret(container.Env, "OTEL_EXPORTER_OTLP_HEADERS", ApiKeyVariable, "parity-dashboard-otlp-api-key");
            }
        }

        // Whatever file mentions the header, its value is the Secret's variable, never a literal key.
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            foreach (var at in Occurrences(text, "x-otlp-api-key="))
            {
                Assert.True(text.AsSpan(at + "x-otlp-api-key=".Length).StartsWith($"$({ApiKeyVariable})"), $"{file} holds a literal OTLP API key.");
            }
        }
    }

    [Fact]
    public async Task EveryOverlayRendersTheDashboardWithItsOwnImageTag()
    {
        var root = await PublishAsync(includeDashboard: true);
        foreach (var overlay in Overlays)
        {
            var directory = Path.Combine(root, "overlays", overlay);
            var example = await File.ReadAllLinesAsync(Path.Combine(directory, "secrets.env.example"), TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(directory, "secrets.env"),
                example.Where(l => !l.StartsWith('#') && l.Contains('=')).Select(l => $"{l.Split('=')[0]}=throwaway-{Guid.NewGuid():N}"),
                TestContext.Current.CancellationToken);

            var (exitCode, stdout, stderr) = await RunAsync("kubectl", "kustomize", directory);

            Assert.True(exitCode == 0, $"kubectl kustomize overlays/{overlay} failed: {stderr}");
            var rendered = KubernetesYaml.LoadAllFromString(stdout, strict: true);
            var dashboard = Assert.Single(rendered.OfType<V1Deployment>(), d => d.Metadata.Name == Dashboard);
            var image = overlay == "dev" ? "parity-dashboard:dev" : $"registry.example.com/store/parity-dashboard:{overlay}";
            Assert.Equal(image, dashboard.Spec.Template.Spec.Containers[0].Image);
            var secret = Assert.Single(rendered.OfType<V1Secret>());
            Assert.Contains("parity-dashboard-otlp-api-key", secret.Data.Keys);
            var apiKey = dashboard.Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == ApiKeyVariable);
            Assert.Equal(secret.Metadata.Name, apiKey.ValueFrom.SecretKeyRef.Name); // the generated Secret's hashed name
        }
    }

    [Fact]
    public async Task WithoutTheDashboardNothingOfItIsPublishedAndNoProjectExportsTelemetry()
    {
        var root = await PublishAsync(includeDashboard: false);

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.False(text.Contains(Dashboard, StringComparison.Ordinal), $"{file} mentions the dashboard.");
            Assert.False(text.Contains("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal), $"{file} sets an OTLP exporter.");
        }
        Assert.True(File.Exists(Path.Combine(root, "base", "orders-deployment.yaml")));
    }

    /// <summary>
    /// The container defines <paramref name="variable"/> from the Secret's <paramref name="key"/> before
    /// <paramref name="name"/>, whose value expands it (Kubernetes expands only variables defined earlier).
    /// </summary>
    private static void AssertFromSecret(IList<V1EnvVar> env, string name, string variable, string key)
    {
        var names = env.Select(e => e.Name).ToList();
        var fromSecret = env.Single(e => e.Name == variable);
        Assert.Equal(("store-secrets", key), (fromSecret.ValueFrom.SecretKeyRef.Name, fromSecret.ValueFrom.SecretKeyRef.Key));
        Assert.Contains($"$({variable})", env.Single(e => e.Name == name).Value);
        Assert.True(names.IndexOf(variable) < names.IndexOf(name), $"{variable} is defined after {name}, which expands it.");
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static async Task<List<V1Deployment>> DeploymentsOfAsync(string root, string project)
    {
        var deployments = new List<V1Deployment>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "base"), $"{project}*-deployment.yaml"))
        {
            var deployment = await LoadAsync<V1Deployment>(root, "base", Path.GetFileName(file));
            if (deployment.Metadata.Labels["app.kubernetes.io/name"] == project)
            {
                deployments.Add(deployment);
            }
        }
        return deployments;
    }

    private static async Task<T> LoadAsync<T>(string root, params string[] path) =>
        KubernetesYaml.Deserialize<T>(await File.ReadAllTextAsync(Path.Combine([root, .. path]), TestContext.Current.CancellationToken), strict: true);

    /// <summary>
    /// Publishes into a new temporary folder and returns its deploy/kubernetes. The store's AppHost includes the dashboard
    /// by configuration, so the flag is tested with that configuration turned off.
    /// </summary>
    private static async Task<string> PublishAsync(bool includeDashboard)
    {
        var output = Directory.CreateTempSubdirectory("parity-dashboard-publish-").FullName;
        // The flag goes last: the configuration's command-line reader would take the next argument as its value.
        string[] flag = includeDashboard ? ["--include-dashboard"] : [];
        var (exitCode, _, stderr) = await RunAppHostAsync(["publish", "--output", output, "--Parity:IncludeDashboard=false", .. flag]);
        Assert.True(exitCode == 0, stderr);
        return Path.Combine(output, "deploy", "kubernetes");
    }

}
