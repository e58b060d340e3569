using static EndToEnd.Tests.ProgramRun;

namespace EndToEnd.Tests;

/// <summary>
/// The AppHost's <c>parity</c> verb (local environment keys against the rendered overlay's) and <c>deploy</c> verb
/// (image builds and <c>kubectl apply</c>), run as the user runs them: the AppHost as a process.
/// </summary>
public sealed class ParityAndDeployVerbTests
{
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;
    private static readonly string[] ProjectFiles = ["Catalog.csproj", "Customers.csproj", "Gateway.csproj", "Notifications.csproj", "Orders.csproj"];

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task ParityHoldsForEveryCommittedOverlay(string overlay)
    {
        var (exitCode, stdout, stderr) = await RunAppHostAsync("parity", "--overlay", overlay);

        Assert.True(exitCode == 0, $"parity --overlay {overlay} exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("Parity holds", stdout);
    }

    [Theory]
    [InlineData("EXTRA_KEY", "Deployment", "orders", "- op: add\n  path: /spec/template/spec/containers/0/env/-\n  value:\n    name: EXTRA_KEY\n    value: extra")]
    [InlineData("OTEL_SERVICE_NAME", "ConfigMap", "orders-env", "- op: remove\n  path: /data/OTEL_SERVICE_NAME")]
    [InlineData("OTEL_SERVICE_NAMES", "ConfigMap", "orders-env", "- op: move\n  from: /data/OTEL_SERVICE_NAME\n  path: /data/OTEL_SERVICE_NAMES")]
    public async Task ParityFailsWhenAnOverlayPatchAddsRemovesOrRenamesAKey(string key, string kind, string name, string patch)
    {
        var tree = CopyDeployTree();
        var kustomization = Path.Combine(tree, "deploy", "kubernetes", "overlays", "dev", "kustomization.yaml");
        var indentedPatch = string.Join('\n', patch.Split('\n').Select(l => "    " + l));
        await File.AppendAllTextAsync(kustomization,
            $"patches:\n- target:\n    kind: {kind}\n    name: {name}\n  patch: |-\n{indentedPatch}\n", TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAppHostAsync("parity", "--overlay", "dev", "--output", tree);

        Assert.True(exitCode == 1, $"parity exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains(stdout.Split('\n'), line => line.StartsWith("orders ", StringComparison.Ordinal) && line.Contains($" {key} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParityReportsAMissingOverlay()
    {
        var (exitCode, _, stderr) = await RunAppHostAsync("parity", "--overlay", "no-such-overlay");

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-overlay", stderr);
    }

    [Fact]
    public async Task DeployDryRunPrintsTheImageBuildsIncludingTheDashboardsAndTheApplyAndRunsNothing()
    {
        // A copy without secrets.env, and kubectl may have no context: a deploy that ran anything would fail.
        var tree = CopyDeployTree();

        var (exitCode, stdout, stderr) = await RunAppHostAsync("deploy", "--dry-run", "--overlay", "dev", "--context", "parity-no-such-context", "--output", tree);

        Assert.True(exitCode == 0, $"deploy --dry-run exited with {exitCode}:\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var project in ProjectFiles)
        {
            Assert.Single(lines, l => l.StartsWith("dotnet publish ", StringComparison.Ordinal)
                && l.Contains(project, StringComparison.Ordinal) && l.Contains("-t:PublishContainer", StringComparison.Ordinal)
                && l.Contains($"-p:ContainerRepository={Path.GetFileNameWithoutExtension(project).ToLowerInvariant()} ", StringComparison.Ordinal));
        }
        // The committed overlays run the dashboard, so its image is made too, from the dashboard's files shipped beside the AppHost.
        var dashboard = Assert.Single(lines, l => l.StartsWith("dotnet msbuild ", StringComparison.Ordinal)
            && l.Contains("parity/kubernetes/DashboardImage.csproj -t:PublishContainer", StringComparison.Ordinal)
            && l.Contains("-p:ContainerRepository=parity-dashboard -p:ContainerImageTag=dev", StringComparison.Ordinal));
        var dashboardFiles = dashboard.Split(' ').Single(a => a.StartsWith("-p:PublishDir=", StringComparison.Ordinal))["-p:PublishDir=".Length..];
        Assert.True(File.Exists(Path.Combine(dashboardFiles, "Parity.Dashboard.dll")), dashboard);
        // The JavaScript service is built from its own Dockerfile, with its folder as the context.
        var recommendations = Path.Combine(RepositoryRoot, "Services", "Recommendations");
        Assert.Single(lines, l => l.EndsWith($"build -t recommendations:dev -f {Path.Combine(recommendations, "Dockerfile")} {recommendations}", StringComparison.Ordinal));
        Assert.Equal(ProjectFiles.Length + 2, lines.Count(l => l.StartsWith("dotnet ", StringComparison.Ordinal) || l.StartsWith("docker ", StringComparison.Ordinal)));
        // No cluster to read catalog's and gateway's live state from: the dry run says so, assumes the published state and
        // keeps it, in an overlay generated on top of dev.
        Assert.Contains("# Assuming the cluster runs catalog as the overlay publishes it.", lines);
        Assert.Contains("# Assuming the cluster runs gateway as the overlay publishes it.", lines);
        Assert.Contains(lines, l => l.StartsWith("- ../", StringComparison.Ordinal) && l.EndsWith("/deploy/kubernetes/overlays/dev", StringComparison.Ordinal));
        Assert.Matches(@"^kubectl --context parity-no-such-context apply -k /.+/release$", lines[^1]);
    }

    [Fact]
    public async Task DeployWithoutSecretsFailsClearly()
    {
        var tree = CopyDeployTree();

        var (exitCode, stdout, stderr) = await RunAppHostAsync("deploy", "--overlay", "dev", "--output", tree);

        Assert.Equal(2, exitCode);
        Assert.Contains("copy secrets.env.example to secrets.env and fill it in", stderr);
        Assert.DoesNotContain("dotnet publish", stdout);
    }

    /// <summary>A temporary folder holding a copy of the committed deploy/kubernetes (without any secrets.env), as <c>--output</c> expects.</summary>
    internal static string CopyDeployTree()
    {
        var root = Directory.CreateTempSubdirectory("parity-verbs-").FullName;
        var source = Path.Combine(RepositoryRoot, "deploy", "kubernetes");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "secrets.env"))
        {
            var target = Path.Combine(root, "deploy", "kubernetes", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

}
