using System.Text.Json;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Kubernetes;
using Parity.Testing;
using YamlDotNet.Serialization;
using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>deploy/compose/ as the reference AppHost publishes it: committed, current, valid for Compose, free of secrets, and in parity with the local run.</summary>
public sealed class ComposePublishingTests
{
    private const string ComposeDirectory = "deploy/compose";
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;
    private static readonly string CommittedComposeFile = Path.Combine(RepositoryRoot, ComposeDirectory, "docker-compose.yaml");

    [Fact]
    public async Task TheCommittedComposeFileIsWhatTheAppHostPublishesNow()
    {
        var fresh = Path.Combine(await PublishAsync(), ComposeDirectory);
        var committed = Path.Combine(RepositoryRoot, ComposeDirectory);

        // A build context is relative to the Compose file, so one published elsewhere names the sources by another path.
        var sourcesFromFresh = Path.GetRelativePath(fresh, RepositoryRoot).Replace('\\', '/');
        var freshFiles = PublishedFiles(fresh);
        Assert.Equal(freshFiles, PublishedFiles(committed));
        Assert.Contains("docker-compose.yaml", freshFiles);
        Assert.Contains(".env.example", freshFiles);
        foreach (var file in freshFiles)
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(committed, file), TestContext.Current.CancellationToken);
            var actual = (await File.ReadAllTextAsync(Path.Combine(fresh, file), TestContext.Current.CancellationToken))
                .Replace($"context: {sourcesFromFresh}/", "context: ../../", StringComparison.Ordinal);
            Assert.True(expected == actual, $"{ComposeDirectory}/{file} is stale: run `dotnet run --project AppHost -- publish` and commit the result.");
        }
    }

    [Fact]
    public async Task PublishWithFormatComposeWritesTheComposeFolderAlone()
    {
        var output = await PublishAsync("--format", "compose");

        Assert.Equal([ComposeDirectory], Directory.EnumerateDirectories(Path.Combine(output, "deploy")).Select(d => Path.GetRelativePath(output, d).Replace('\\', '/')));
        Assert.False(File.Exists(Path.Combine(output, "aspire-manifest.json")));
        Assert.Equal(["deploy"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DockerComposeAcceptsTheCommittedFileWithTheSecretsOfItsEnvExample()
    {
        var env = Path.Combine(Directory.CreateTempSubdirectory("parity-compose-").FullName, ".env");
        var example = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot, ComposeDirectory, ".env.example"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(env, example.Select(l => l.EndsWith('=') ? $"{l}throwaway-{Guid.NewGuid():N}" : l), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync("docker-compose", "--env-file", env, "-f", CommittedComposeFile, "config");

        Assert.True(exitCode == 0, $"docker-compose config failed: {stderr}");
        Assert.DoesNotContain("is not set", stderr, StringComparison.Ordinal); // .env.example names every variable the file reads
        Assert.Contains("throwaway-", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DependsOnFollowsWaitForAndWaitForCompletionAndRunOnceServicesAreNotRestarted()
    {
        var services = ServicesOf(await File.ReadAllTextAsync(CommittedComposeFile, TestContext.Current.CancellationToken));

        Assert.Equal("service_completed_successfully", Condition(services, "customers", "customers-migrations"));
        Assert.Equal("service_healthy", Condition(services, "customers", "rabbitmq"));
        Assert.Equal("service_healthy", Condition(services, "customers-migrations", "postgres")); // WaitFor(customersDb): its server
        Assert.Equal("service_healthy", Condition(services, "recommendations", "redis"));
        Assert.Equal("no", services["customers-migrations"]["restart"]);
        Assert.Equal("unless-stopped", services["customers"]["restart"]);
        Assert.False(services["customers-migrations"].ContainsKey("healthcheck"));
        Assert.All(["postgres", "redis", "rabbitmq", "minio", "customers", "orders", "catalog", "notifications", "recommendations", "gateway"],
            service => Assert.True(services[service].ContainsKey("healthcheck"), $"{service} has no healthcheck"));
        // Only the external endpoint is published on the host.
        Assert.Equal(["gateway"], services.Where(s => s.Value.ContainsKey("ports") && s.Key != "parity-dashboard").Select(s => s.Key));
    }

    [Fact]
    public async Task NoSecretValueIsPublished()
    {
        const string password = "a-very-secret-password-that-must-never-be-published-in-compose-0123456789";
        var state = Directory.CreateTempSubdirectory("parity-publish-").FullName;
        var output = await PublishAsync("--format", "compose", $"--Parameters:postgres-password={password}", $"--Parity:StateDirectory={state}");

        var secrets = new List<string> { password };
        var secretsFile = Path.Combine(state, "secrets.json");
        if (File.Exists(secretsFile))
        {
            secrets.AddRange(JsonSerializer.Deserialize<Dictionary<string, string>>(
                await File.ReadAllTextAsync(secretsFile, TestContext.Current.CancellationToken))!.Values);
        }
        var root = Path.Combine(output, ComposeDirectory);
        foreach (var file in PublishedFiles(root))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(root, file), TestContext.Current.CancellationToken);
            Assert.All(secrets, secret => Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} contains a secret value."));
        }
        var services = ServicesOf(await File.ReadAllTextAsync(Path.Combine(root, "docker-compose.yaml"), TestContext.Current.CancellationToken));
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=${POSTGRES_PASSWORD};Database=customersdb",
            EnvironmentOf(services, "customers-migrations")["ConnectionStrings__customersdb"]);
        Assert.Equal("${POSTGRES_PASSWORD}", EnvironmentOf(services, "postgres")["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public async Task EveryProcessGetsTheEnvironmentKeysOfItsLocalRun()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(TestContext.Current.CancellationToken);
        var model = new DistributedApplicationModel([.. builder.Resources]);
        var services = ServicesOf(await File.ReadAllTextAsync(CommittedComposeFile, TestContext.Current.CancellationToken));

        // The parity check of the cluster's overlays, given the Compose services' keys instead of the containers'.
        var differences = ParityCheck.Compare(model, dashboardRuns: true,
            name => services.ContainsKey(name) ? EnvironmentOf(services, name).Keys.ToHashSet(StringComparer.Ordinal) : null);

        Assert.True(differences.Count == 0, ParityCheck.Table(differences));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheDashboardIsPublishedOnlyWhenAskedAndThenEveryProjectExportsToIt(bool includeDashboard)
    {
        string[] flag = includeDashboard ? ["--include-dashboard"] : [];
        var output = await PublishAsync(["--format", "compose", "--Parity:IncludeDashboard=false", .. flag]);
        var services = ServicesOf(await File.ReadAllTextAsync(Path.Combine(output, ComposeDirectory, "docker-compose.yaml"), TestContext.Current.CancellationToken));

        Assert.Equal(includeDashboard, services.ContainsKey("parity-dashboard"));
        foreach (var project in new[] { "customers", "orders", "catalog", "notifications", "gateway", "customers-migrations" })
        {
            var endpoint = EnvironmentOf(services, project).GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT");
            Assert.Equal(includeDashboard ? "http://parity-dashboard:18889" : null, endpoint);
        }
    }

    private static string? Condition(Dictionary<string, Dictionary<object, object>> services, string service, string dependency) =>
        services[service].TryGetValue("depends_on", out var dependsOn)
        && ((Dictionary<object, object>)dependsOn).TryGetValue(dependency, out var entry)
            ? (string)((Dictionary<object, object>)entry)["condition"]
            : null;

    private static Dictionary<string, string> EnvironmentOf(Dictionary<string, Dictionary<object, object>> services, string service) =>
        services[service].TryGetValue("environment", out var environment)
            ? ((Dictionary<object, object>)environment).ToDictionary(e => (string)e.Key, e => (string)e.Value, StringComparer.Ordinal)
            : [];

    private static Dictionary<string, Dictionary<object, object>> ServicesOf(string yaml)
    {
        var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml);
        return ((Dictionary<object, object>)file["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value, StringComparer.Ordinal);
    }

    /// <summary>Every published file, relative to the root; the git-ignored .env is not published.</summary>
    private static List<string> PublishedFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".env")
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Publishes into a new temporary folder and returns it.</summary>
    private static async Task<string> PublishAsync(params string[] extraArgs)
    {
        var output = Directory.CreateTempSubdirectory("parity-compose-").FullName;
        var (exitCode, _, stderr) = await RunAppHostAsync(["publish", "--output", output, .. extraArgs]);
        Assert.True(exitCode == 0, stderr);
        return output;
    }
}
