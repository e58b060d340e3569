using System.Text.Json;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>A resource's URLs: its endpoints' plus those the AppHost adds or changes, one list wherever they are shown.</summary>
public sealed class ResourceUrlTests
{
    [Fact]
    public async Task EndpointUrlsAndAddedUrlsAreOneListWithTextOrderAndPlaceInTheSnapshotAndRunJson()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            var builder = TestApp.CreateBuilder(state);
            var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
            api.WithUrlForEndpoint("http", u => u.DisplayText = "Home")
                .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/pid", DisplayText = "Process id", DisplayLocation = UrlDisplayLocation.DetailsOnly })
                .WithUrl($"{api.GetEndpoint("http")}/env/FROM_PROFILE", "Profile")
                .WithUrl("https://docs.example.com/api", "Docs")
                .WithUrls(c => c.Urls.Single(u => u.DisplayText == "Docs").DisplayOrder = 10);
            await using var app = builder.Build();
            await app.StartAsync(TestApp.Timeout());
            var healthy = await app.WaitForHealthyAsync("api");

            var baseUrl = app.GetEndpoint("api", "http").ToString().TrimEnd('/');
            Assert.Equal(
            [
                new ResourceUrlSnapshot("https://docs.example.com/api", "Docs", null, 10, UrlDisplayLocation.SummaryAndDetails),
                new ResourceUrlSnapshot(baseUrl, "Home", "http", null, UrlDisplayLocation.SummaryAndDetails),
                new ResourceUrlSnapshot($"{baseUrl}/pid", "Process id", "http", null, UrlDisplayLocation.DetailsOnly),
                new ResourceUrlSnapshot($"{baseUrl}/env/FROM_PROFILE", "Profile", "http", null, UrlDisplayLocation.SummaryAndDetails),
            ], healthy.UrlDetails);
            // The relative URL was resolved against the endpoint the process really listens on.
            Assert.Equal(app.PidOf("api").ToString(), await TestApp.GetAsync(healthy.Urls![2]));
            Assert.Equal("http", await TestApp.GetAsync(healthy.Urls[3]));

            using var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "run.json"), TestApp.Timeout()));
            var urls = run.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "api").GetProperty("urls");
            Assert.Equal(["Docs", "Home", "Process id", "Profile"], urls.EnumerateArray().Select(u => u.GetProperty("displayText").GetString()));
            Assert.Equal(healthy.Urls, urls.EnumerateArray().Select(u => u.GetProperty("url").GetString()));
            Assert.Equal("DetailsOnly", urls[2].GetProperty("displayLocation").GetString());
            Assert.Equal("http", urls[1].GetProperty("endpoint").GetString());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void TheConsoleTableShowsOnlyTheUrlsMeantForASummary()
    {
        var snapshot = new ResourceSnapshot("api", "Project", ResourceState.Healthy, HasHealthCheck: true, UrlDetails:
        [
            new ResourceUrlSnapshot("http://localhost:5000", "Home", "http", null, UrlDisplayLocation.SummaryAndDetails),
            new ResourceUrlSnapshot("http://localhost:5000/admin", "Admin", "http", null, UrlDisplayLocation.DetailsOnly),
        ], Message: "1.00s");

        var table = ConsoleReporter.FormatTable([snapshot], TimeSpan.FromSeconds(1));

        Assert.Contains("http://localhost:5000 ", table);
        Assert.DoesNotContain("/admin", table);
    }

    [Fact]
    public async Task AUrlForAMissingEndpointIsReportedInTheResourcesConsoleAndTheRestIsShown()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithUrlForEndpoint("admin", u => u.DisplayText = "Admin");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var running = await app.WaitForAsync("api", s => s.State == ResourceState.Running);

        Assert.Equal([("http", null)], running.UrlDetails!.Select(u => (u.Endpoint, u.DisplayText)));
        Assert.Contains(app.ResourceLogs.GetBacklog("api"), l => l.IsError && l.Text.Contains("no endpoint named 'admin'"));
    }
}
