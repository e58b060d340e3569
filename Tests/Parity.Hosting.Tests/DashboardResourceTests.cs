using Parity.Testing;

namespace Parity.Hosting.Tests;

public sealed class DashboardResourceTests
{
    [Fact]
    public async Task TheDashboardKeepsTelemetryInTheStateFolderUnderOneRunIdForTheWholeAppHostRun()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            var builder = DistributedApplicationTestingBuilder.Create([], options =>
            {
                options.StateDirectory = state;
                options.DisableDashboard = false;
            });
            await using var app = builder.Build();

            var dashboard = builder.Resources.OfType<DashboardResource>().Single();
            var environment = LaunchDescription.Of(dashboard, new DistributedApplicationModel([.. builder.Resources]), new EnvironmentContext(EnvironmentTarget.Local))
                .Environment.ToDictionary(e => e.Key, e => e.Value.Format);
            Assert.Equal(Path.Combine(state, "telemetry.db"), environment["Dashboard__StoragePath"]);
            // Fixed in its launch description, so a dashboard the orchestrator restarts gets the same run and reloads it.
            Assert.Matches(@"^\d{8}-\d{6}$", environment["Dashboard__RunId"]);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task TheDashboardIsDescribedOnceForTheRunAndTheClusterWhichLacksOnlyTheRunsOwnSettings()
    {
        var builder = DistributedApplicationTestingBuilder.Create([], options => options.DisableDashboard = false);
        await using var app = builder.Build(); // a run adds its dashboard when it is built
        var local = builder.Resources.OfType<DashboardResource>().Single();
        var cluster = DashboardResource.ForCluster();

        var localKeys = Keys(local, EnvironmentTarget.Local);
        var clusterKeys = Keys(cluster, EnvironmentTarget.Cluster);

        Assert.Subset(localKeys, clusterKeys);
        Assert.Equal(["Dashboard__ResourceServiceApiKey", "Dashboard__ResourceServiceUrl", "Dashboard__RunId", "Dashboard__StoragePath"],
            localKeys.Except(clusterKeys).Order(StringComparer.Ordinal));
        Assert.Equal(local.Endpoints().Select(e => e.Name), cluster.Endpoints().Select(e => e.Name));
        // Where projects send telemetry: the same keys, whichever dashboard it is.
        Assert.Equal(local.OtlpExporter.Protocol, cluster.OtlpExporter.Protocol);
    }

    private static HashSet<string> Keys(DashboardResource dashboard, EnvironmentTarget target) =>
        [.. LaunchDescription.Of(dashboard, new DistributedApplicationModel([dashboard]), new EnvironmentContext(target)).Environment.Keys];
}
