using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Resources;
using Parity.Hosting.ResourceService;
using Parity.Tests;

namespace Parity.Hosting.Tests.ResourceService;

/// <summary>
/// The AppHost's resource service and the dashboard reading it, over real processes: the resources with their state,
/// health and URLs, the environment with secrets masked by where they come from, the commands, and the dashboard
/// coming back after it is killed.
/// </summary>
public sealed class DashboardResourcesTests(DashboardTopology topology) : IClassFixture<DashboardTopology>
{
    private static readonly string[] Shown = ["api", "api-key", "cache", "cache-password", "sleeper"];

    [Fact]
    public async Task TheResourcesApiListsEveryResourceWithItsStateHealthAndUrls()
    {
        var body = await topology.GetResourcesAsync(r =>
            StateOf(r, "api") == ("Running", "Healthy") && StateOf(r, "cache") == ("Running", "Healthy") && StateOf(r, "sleeper") == ("Running", null));
        var resources = DashboardTopology.ByName(body);

        Assert.Equal(Shown, resources.Keys.Order());
        Assert.Equal(["Project", "Parameter", "Redis", "Parameter", "Executable"], Shown.Select(n => resources[n].GetProperty("kind").GetString()));
        var api = resources["api"];
        var snapshot = topology.App.ResourceNotifications.Get("api")!;
        Assert.Equal(snapshot.Urls, api.GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("url").GetString()));
        Assert.Equal(snapshot.Restarts, api.GetProperty("restarts").GetInt32());
        Assert.Equal(snapshot.StartedAt, api.GetProperty("startedAt").GetDateTimeOffset());
        var replica = Assert.Single(api.GetProperty("replicas").EnumerateArray());
        Assert.Equal(topology.App.PidOf("api"), replica.GetProperty("pid").GetInt32());
        Assert.StartsWith("tcp://localhost:", resources["cache"].GetProperty("urls")[0].GetProperty("url").GetString());
        Assert.Equal(["stop", "start", "restart"], api.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Empty(resources["api-key"].GetProperty("commands").EnumerateArray()); // a parameter runs no process
    }

    [Fact]
    public async Task SecretValuesNeverAppearInTheResourcesApiAndTheirEntriesAreMarkedSecret()
    {
        var body = await topology.GetResourcesAsync(r => EnvironmentOf(r, "api").Count > 0 && EnvironmentOf(r, "cache").Count > 0);

        foreach (var secret in topology.Secrets)
        {
            Assert.DoesNotContain(secret, body);
        }
        var api = EnvironmentOf(DashboardTopology.ByName(body), "api");
        Assert.Equal((null, true), api["API_KEY"]);
        Assert.Equal((null, true), api["ConnectionStrings__cache"]);
        Assert.Equal((null, true), api["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal(("hello", false), api["GREETING"]);
        Assert.Equal(("api", false), api["OTEL_SERVICE_NAME"]);
        Assert.Equal((null, true), EnvironmentOf(DashboardTopology.ByName(body), "cache")["REDIS_PASSWORD"]);

        // Masked because of where the values come from: the process itself got them.
        var url = topology.App.ResourceNotifications.Get("api")!.Urls![0];
        Assert.Equal(DashboardTopology.SecretParameterValue, await TestApp.GetAsync($"{url}/env/API_KEY"));
        Assert.Contains(topology.Secrets[1], await TestApp.GetAsync($"{url}/env/ConnectionStrings__cache"));
    }

    [Fact]
    public async Task ARestartThroughTheDashboardReplacesTheProcessAndRefusalsComeBackAsProblems()
    {
        await topology.GetResourcesAsync(r => StateOf(r, "api") == ("Running", "Healthy"));
        var before = topology.App.PidOf("api");

        using var restarted = await topology.Dashboard.PostAsync("/api/resources/api/commands/restart", null, TestApp.Timeout());

        Assert.Equal(HttpStatusCode.NoContent, restarted.StatusCode);
        Assert.False(ProcessProbe.IsAlive(before));
        var body = await topology.GetResourcesAsync(r => StateOf(r, "api") == ("Running", "Healthy"));
        Assert.NotEqual(before, DashboardTopology.ByName(body)["api"].GetProperty("replicas")[0].GetProperty("pid").GetInt32());

        await AssertProblemAsync("/api/resources/nowhere/commands/restart", HttpStatusCode.NotFound, "nowhere");
        await AssertProblemAsync("/api/resources/api/commands/explode", HttpStatusCode.BadRequest, "explode");
        await AssertProblemAsync("/api/resources/api-key/commands/stop", HttpStatusCode.BadRequest, "no process");
    }

    [Fact]
    public async Task ACrashedProcessShowsItsRestartInTheResourcesApi()
    {
        var body = await topology.GetResourcesAsync(r => StateOf(r, "sleeper") == ("Running", null));
        var before = DashboardTopology.ByName(body)["sleeper"].GetProperty("restarts").GetInt32();

        Process.GetProcessById(topology.App.PidOf("sleeper")).Kill();

        await topology.GetResourcesAsync(r =>
            r["sleeper"].GetProperty("restarts").GetInt32() == before + 1 && StateOf(r, "sleeper") == ("Running", null));
    }

    [Fact]
    public async Task AKilledDashboardIsRestartedAndReadsTheResourcesAgain()
    {
        await topology.GetResourcesAsync(r => r.Count == Shown.Length);
        var dashboard = topology.App.ResourceNotifications.Get(DashboardTopology.DashboardName)!;
        var pid = topology.App.PidOf(DashboardTopology.DashboardName);

        Process.GetProcessById(pid).Kill();
        await topology.App.WaitForAsync(DashboardTopology.DashboardName, s => s.Restarts == dashboard.Restarts + 1 && s.IsReady);

        var body = await topology.GetResourcesAsync(r => r.Count == Shown.Length);
        Assert.Equal(Shown, DashboardTopology.ByName(body).Keys.Order());
        Assert.NotEqual(pid, topology.App.PidOf(DashboardTopology.DashboardName));
    }

    [Fact]
    public async Task TheResourceServiceRefusesRequestsWithoutTheRunsKey()
    {
        var pid = topology.App.PidOf("sleeper");
        using var http = new HttpClient { BaseAddress = new Uri(topology.ResourceService.Url!) };

        using var withoutKey = await http.GetAsync("/resources", HttpCompletionOption.ResponseHeadersRead, TestApp.Timeout());
        http.DefaultRequestHeaders.Add(ResourceServiceAddress.ApiKeyHeader, "not-the-key");
        using var wrongKey = await http.GetAsync("/resources", HttpCompletionOption.ResponseHeadersRead, TestApp.Timeout());
        using var wrongKeyCommand = await http.PostAsync("/resources/sleeper/commands/stop", null, TestApp.Timeout());

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKeyCommand.StatusCode);
        Assert.Equal(pid, topology.App.PidOf("sleeper"));
    }

    [Fact]
    public async Task TheResourceServiceStreamsResourcesAndConsoleLinesAsNdjson()
    {
        using var http = new HttpClient { BaseAddress = new Uri(topology.ResourceService.Url!) };
        http.DefaultRequestHeaders.Add(ResourceServiceAddress.ApiKeyHeader, topology.ResourceService.ApiKey.Value);

        var lines = await ReadLinesAsync(http, "/resources", seen => Shown.All(n => seen.Any(l => l.Contains($"\"name\":\"{n}\"", StringComparison.Ordinal))));
        var names = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()).ToHashSet();
        Assert.Equal(Shown, names.Order());
        Assert.All(topology.Secrets, secret => Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal)));

        var console = await ReadLinesAsync(http, "/resources/api/console", seen => seen.Any(l => l.Contains("listening", StringComparison.Ordinal)));
        var line = JsonDocument.Parse(console.First(l => l.Contains("listening", StringComparison.Ordinal))).RootElement;
        Assert.Equal("api", line.GetProperty("resource").GetString());
        Assert.False(line.GetProperty("isError").GetBoolean());

        using var unknown = await http.GetAsync("/resources/parity-dashboard/console", TestApp.Timeout());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDashboardsClientFollowsTheResourceServiceOfARealRun()
    {
        var options = new DashboardOptions { ResourceServiceUrl = topology.ResourceService.Url, ResourceServiceApiKey = topology.ResourceService.ApiKey.Value };
        using var client = new ResourceServiceClient(options, NullLogger<ResourceServiceClient>.Instance);
        var changed = 0;
        client.Changed += () => Interlocked.Increment(ref changed);
        await client.StartAsync(TestApp.Timeout());

        while (!(client.IsConnected && client.Resources.Any(r => r.Name == "api" && r.Health == "Healthy")))
        {
            await Task.Delay(100, TestApp.Timeout());
        }
        Assert.Equal(Shown, client.Resources.Select(r => r.Name).Order());
        Assert.True(changed >= Shown.Length);

        await foreach (var line in client.WatchConsoleAsync("api", TestApp.Timeout()))
        {
            if (line.Text.Contains("listening", StringComparison.Ordinal))
            {
                break;
            }
        }
        var refused = await Assert.ThrowsAsync<ResourceCommandException>(() => client.ExecuteCommandAsync("cache-password", "restart", TestApp.Timeout()));
        Assert.Contains("no process", refused.Message);
        await client.StopAsync(TestApp.Timeout());
    }

    private async Task AssertProblemAsync(string path, HttpStatusCode status, string mentions)
    {
        using var response = await topology.Dashboard.PostAsync(path, null, TestApp.Timeout());
        Assert.Equal(status, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestApp.Timeout())).RootElement;
        Assert.Contains(mentions, problem.GetProperty("detail").GetString());
    }

    /// <summary>Reads an NDJSON stream, which never ends by itself, until <paramref name="enough"/> holds.</summary>
    private static async Task<List<string>> ReadLinesAsync(HttpClient http, string path, Func<List<string>, bool> enough)
    {
        var timeout = TestApp.Timeout();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout));
        var lines = new List<string>();
        while (!enough(lines) && await reader.ReadLineAsync(timeout) is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static (string?, string?) StateOf(IReadOnlyDictionary<string, JsonElement> resources, string name) =>
        resources.TryGetValue(name, out var resource)
            ? (resource.GetProperty("state").GetString(), resource.GetProperty("health").GetString())
            : (null, null);

    private static Dictionary<string, (string?, bool)> EnvironmentOf(IReadOnlyDictionary<string, JsonElement> resources, string name) =>
        resources[name].GetProperty("environment").EnumerateArray().ToDictionary(
            e => e.GetProperty("name").GetString()!,
            e => (e.GetProperty("value").GetString(), e.GetProperty("isSecret").GetBoolean()));
}
