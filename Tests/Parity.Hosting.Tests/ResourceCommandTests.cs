using System.Net;
using System.Text.Json;
using Parity.Hosting.Orchestration;
using Parity.Hosting.ResourceService;

namespace Parity.Hosting.Tests;

/// <summary>Commands an AppHost declares run inside it, from tests, the resource service (dashboard and CLI) alike.</summary>
public sealed class ResourceCommandTests
{
    [Fact]
    public async Task ADeclaredCommandRunsWithItsResourcesNameAndAnHttpCommandReachesTheEndpoint()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            var ran = new List<string>();
            var builder = TestApp.CreateBuilder(state);
            builder.AddProject<Projects.TestService>("api")
                .WithHttpHealthCheck("/health")
                .WithCommand("note", "Take a note", context =>
                {
                    ran.Add(context.ResourceName);
                    return Task.FromResult(CommandResults.Success());
                }, new CommandOptions { Description = "Writes it down", ConfirmationMessage = "Sure?" })
                .WithCommand("broken", "Fail", _ => Task.FromResult(CommandResults.Failure("out of paper")))
                .WithHttpCommand("/health/down", "Mark unhealthy", commandName: "mark-down");
            await using var app = builder.Build();
            await app.StartAsync(TestApp.Timeout());
            var healthy = await app.WaitForHealthyAsync("api");

            var offered = app.ResourceCommands.CommandsOf(healthy);
            Assert.Equal(
                [ResourceCommandService.Stop, ResourceCommandService.Start, ResourceCommandService.Restart, "note", "broken", "mark-down"],
                offered.Select(c => c.Name));
            Assert.Equal(("Writes it down", "Sure?"), offered.Single(c => c.Name == "note") is var note ? (note.Description, note.ConfirmationMessage) : default);

            var result = await app.ResourceCommands.ExecuteCommandAsync("api", "note", TestContext.Current.CancellationToken);
            Assert.True(result.Success);
            Assert.Equal(["api"], ran);

            // Through the resource service, as the dashboard and `parity resource api mark-down` send it.
            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "run.json"), TestApp.Timeout()));
            var service = run.RootElement.GetProperty("resourceService");
            using var http = new HttpClient { BaseAddress = new Uri(service.GetProperty("url").GetString()!) };
            http.DefaultRequestHeaders.Add(ResourceServiceAddress.ApiKeyHeader, service.GetProperty("apiKey").GetString());

            using (var marked = await http.PostAsync("/resources/api/commands/mark-down", null, TestApp.Timeout()))
            {
                Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
            }
            await app.WaitForAsync("api", s => s.State == ResourceState.Unhealthy); // the service got the POST: its health check now fails

            using var failed = await http.PostAsync("/resources/api/commands/broken", null, TestApp.Timeout());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
            Assert.Contains("out of paper", await failed.Content.ReadAsStringAsync(TestApp.Timeout()));
            using var unknown = await http.PostAsync("/resources/api/commands/nothing", null, TestApp.Timeout());
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task AnHttpCommandIsDisabledUntilItsResourceRunsAndACommandsOwnStateCallbackDecides()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api")
            .WithExplicitStart()
            .WithHttpCommand("/health/down", "Mark unhealthy", commandName: "mark-down")
            .WithCommand("when-healthy", "Only when healthy", _ => Task.FromResult(CommandResults.Success()),
                new CommandOptions { UpdateState = c => c.ResourceSnapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Hidden });
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var waiting = await app.WaitForAsync("api", s => s.WaitsForExplicitStart);
        var offered = app.ResourceCommands.CommandsOf(waiting);
        Assert.Equal(ResourceCommandState.Disabled, offered.Single(c => c.Name == "mark-down").State);
        Assert.DoesNotContain(offered, c => c.Name == "when-healthy");
        var refused = await app.ResourceCommands.ExecuteCommandAsync("api", "mark-down", TestContext.Current.CancellationToken);
        Assert.False(refused.Success);
        Assert.Contains("cannot run on 'api' now", refused.ErrorMessage);

        await app.ResourceCommands.StartResourceAsync("api");
        var running = await app.WaitForAsync("api", s => s.State == ResourceState.Running);

        Assert.Equal(ResourceCommandState.Enabled, app.ResourceCommands.CommandsOf(running).Single(c => c.Name == "mark-down").State);
        Assert.Equal(ResourceCommandState.Enabled, app.ResourceCommands.CommandsOf(running).Single(c => c.Name == "when-healthy").State);
    }

    [Fact]
    public void AnHttpCommandNeedsAnHttpEndpointAndACommandOfTheSameNameReplacesTheFirst()
    {
        var builder = TestApp.CreateBuilder();
        var cache = builder.AddExecutable("tool", "sleep", ".").WithEndpoint(name: "tcp");

        var error = Assert.Throws<DistributedApplicationException>(() => cache.WithHttpCommand("/flush", "Flush"));
        Assert.Contains("'tool' has no HTTP endpoint", error.Message);

        cache.WithCommand("go", "First", _ => Task.FromResult(CommandResults.Success()))
            .WithCommand("go", "Second", _ => Task.FromResult(CommandResults.Success()));
        Assert.Equal("Second", Assert.Single(cache.Resource.AnnotationsOf<ResourceCommandAnnotation>()).DisplayName);
    }
}
