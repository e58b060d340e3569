using System.Net;
using System.Text.Json;
using Parity.Dashboard.Resources;

namespace Parity.Dashboard.Tests;

/// <summary>How the dashboard finds and keeps its AppHost's resource stream (the resources themselves are tested with the engine).</summary>
public sealed class ResourceServiceClientTests
{
    [Fact]
    public void The_backoff_doubles_from_its_first_delay_up_to_its_cap_and_starts_over_after_a_success()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalMilliseconds).ToList();
        backoff.Reset();

        Assert.Equal([200, 400, 800, 1600, 3200, 5000, 5000], delays);
        Assert.Equal(200, backoff.Next().TotalMilliseconds);
    }

    [Fact]
    public async Task A_dashboard_without_an_AppHost_answers_that_it_has_no_resources()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var client = dashboard.CreateFrontendClient();
        var ct = TestContext.Current.CancellationToken;

        using var list = await client.GetAsync("/api/resources", ct);
        using var command = await client.PostAsync("/api/resources/api/commands/restart", null, ct);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_waits_for_its_AppHost_reconnects_when_the_stream_drops_and_replaces_the_whole_list()
    {
        var port = RunningDashboard.FreePort();
        await using var dashboard = await RunningDashboard.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:ResourceServiceUrl"] = $"http://127.0.0.1:{port}",
            ["Dashboard:ResourceServiceApiKey"] = FakeResourceService.ApiKey,
        });
        using var client = dashboard.CreateFrontendClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));

        await using (var service = await FakeResourceService.StartAsync(port, ["first", "second"], ["third"]))
        {
            var names = await Eventually.GetAsync(() => NamesAsync(client), n => n.SequenceEqual(["third"]));

            Assert.Equal(["third"], names);
            Assert.Equal(2, service.Connections);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Eventually.GetAsync(() => StatusAsync(client), s => s == HttpStatusCode.ServiceUnavailable));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/resources", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/resources", TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return [.. body.EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
    }
}
