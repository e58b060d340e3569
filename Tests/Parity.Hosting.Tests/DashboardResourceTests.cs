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

            var dashboard = builder.Resources.Single(r => r.Name == "parity-dashboard");
            var args = dashboard.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(a => a.Format).ToList();
            Assert.Contains($"--Dashboard:StoragePath={Path.Combine(state, "telemetry.db")}", args);
            // Fixed in the arguments, so a dashboard the orchestrator restarts gets the same run and reloads it.
            Assert.Matches(@"^--Dashboard:RunId=\d{8}-\d{6}$", Assert.Single(args, a => a.StartsWith("--Dashboard:RunId=", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
