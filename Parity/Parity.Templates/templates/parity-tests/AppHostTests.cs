using Parity.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace ParityApp.Tests;

/// <summary>The AppHost's whole topology, started inside the test (random ports, its own state folder).</summary>
public sealed class AppHostTests
{
    [Fact]
    public async Task EveryProjectStarts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ParityApp_AppHost>(cancellationToken);
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var snapshot = await app.ResourceNotifications.WaitForResourceAsync(
                project.Name, s => s.IsReady || s.State is ResourceState.Finished or ResourceState.FailedToStart or ResourceState.Exited, cancellationToken);
            Assert.True(snapshot.IsReady || snapshot.State == ResourceState.Finished, $"{project.Name}: {snapshot.State}");
        }
    }
}
