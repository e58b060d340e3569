using System.Text.Json;
using Parity.Hosting.ResourceService;

namespace Parity.Hosting.Tests.ResourceService;

/// <summary>
/// The resource service runs in every run, with or without the dashboard, and run.json (its owner's alone) says where
/// it is: that is how the parity CLI reaches a running AppHost. The CLI asks for what there is now, without following.
/// </summary>
public sealed class ResourceServiceForCliTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task ARunWithoutTheDashboardServesItsResourcesAtTheAddressInRunJson()
    {
        var parent = Directory.CreateTempSubdirectory("parity-test-").FullName;
        var state = Path.Combine(parent, "state"); // created by the engine
        try
        {
            var builder = TestApp.CreateBuilder(state);
            builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
            await using var app = builder.Build();
            await app.StartAsync(TestApp.Timeout());
            await app.WaitForHealthyAsync("api");

            var runFile = Path.Combine(state, "run.json");
            Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(runFile));
            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(runFile, TestApp.Timeout()));
            var service = run.RootElement.GetProperty("resourceService");
            using var http = new HttpClient { BaseAddress = new Uri(service.GetProperty("url").GetString()!) };
            http.DefaultRequestHeaders.Add(ResourceServiceAddress.ApiKeyHeader, service.GetProperty("apiKey").GetString());

            // Each answer ends after what there is now: GetStringAsync returns only once the response is complete.
            var resources = Lines(await http.GetStringAsync("/resources?watch=false", TestApp.Timeout()));
            Assert.Equal(["api"], resources.Select(r => r.GetProperty("name").GetString()));
            Assert.Equal("Healthy", resources[0].GetProperty("health").GetString());

            var listening = $"test service {app.PidOf("api")} listening";
            while (!Lines(await http.GetStringAsync("/resources/api/console?follow=false", TestApp.Timeout()))
                .Any(l => l.GetProperty("text").GetString() == listening))
            {
                await Task.Delay(200, TestApp.Timeout()); // the line is read from the process's output in the background
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static List<JsonElement> Lines(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
