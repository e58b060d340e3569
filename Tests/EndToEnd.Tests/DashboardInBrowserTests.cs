using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parity.Tests;

namespace EndToEnd.Tests;

/// <summary>The dashboard as a user sees it: headless Chromium on the running store, signed in with the printed URL.</summary>
[Collection(nameof(RunningStoreCollection))]
public sealed class DashboardInBrowserTests(RunningStore store)
{
    private static readonly string[] StoreServices = ["gateway", "customers", "orders", "catalog", "notifications"];

    [Fact]
    public async Task WithoutTheTokenThePagesAreRefused()
    {
        await using var context = await store.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var path in (string[])["/", "/console/gateway", "/logs", "/traces", "/metrics"])
        {
            var response = await page.GotoAsync(new Uri(store.DashboardUrl, path).ToString());
            Assert.Equal(401, response!.Status);
        }

        Assert.Equal(401, (await page.GotoAsync(new Uri(store.DashboardUrl, "/login?t=wrong").ToString()))!.Status);
    }

    [Fact]
    public async Task TheResourcesPageListsTheStoreAndMasksEverySecret()
    {
        var page = await SignInAsync();
        foreach (var service in StoreServices)
        {
            await Expect(page.Locator($"tr[data-resource='{service}'] [data-testid=state]")).ToHaveTextAsync("Running");
        }

        await Expect(page.Locator("tr[data-resource='postgres'] [data-testid=state]")).ToHaveTextAsync("Running");
        await Expect(page.Locator("[data-testid=run] option:checked")).ToContainTextAsync("(current)");
        await SaveScreenshotAsync(page, "resources");

        await page.Locator("tr[data-resource='customers'] button.link").ClickAsync();
        await page.Locator("tr[data-resource='gateway'] button.link").ClickAsync();
        await Expect(page.GetByText("ConnectionStrings__customersdb")).ToBeVisibleAsync();
        var html = await page.ContentAsync();
        foreach (var secret in await GeneratedSecretsAsync())
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        await page.Locator("tr[data-resource='customers']").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "resources-environment");
    }

    [Fact]
    public async Task ConsoleLogsStreamPerResourceAndCanBeSearched()
    {
        var page = await SignInAsync("/console/gateway"); // one replica: one "Now listening on" line
        var lines = page.Locator("[data-testid=console] .line");
        await Expect(lines.First).ToBeVisibleAsync();
        await page.Locator("[data-testid=console-search]").FillAsync("Now listening on");
        await Expect(lines).ToHaveCountAsync(1);
        await page.Locator("[data-testid=console-search]").FillAsync("");
        await SaveScreenshotAsync(page, "console-logs");

        // notifications runs two replicas: each line says which one wrote it, and the page can show one replica.
        await page.GotoAsync(new Uri(store.DashboardUrl, "/console/notifications").ToString());
        var replicaTags = page.Locator("[data-testid=console] .replica");
        await Expect(replicaTags.Filter(new() { HasText = "[0]" }).First).ToBeVisibleAsync();
        await Expect(replicaTags.Filter(new() { HasText = "[1]" }).First).ToBeVisibleAsync();
        await page.Locator("[data-testid=console-replica]").SelectOptionAsync("1");
        await Expect(replicaTags.Filter(new() { HasText = "[0]" })).ToHaveCountAsync(0);
        await Expect(replicaTags.Filter(new() { HasText = "[1]" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StructuredLogsFilterByResourceAndOpenTheirDetail()
    {
        var page = await SignInAsync("/logs");
        await page.Locator("[data-testid=logs-resource]").SelectOptionAsync("orders");
        var rows = page.Locator("table.logs > tbody > tr");
        await Expect(rows.First).ToBeVisibleAsync();
        // The filter applies with the page's next render: until then the rows of every resource are still shown.
        await Expect(page.Locator("table.logs > tbody > tr > td:nth-child(2)").Filter(new() { HasNotTextRegex = new Regex(@"^\s*orders\s*$") }))
            .ToHaveCountAsync(0);
        foreach (var resource in await page.Locator("table.logs > tbody > tr > td:nth-child(2)").AllInnerTextsAsync())
        {
            Assert.Equal("orders", resource.Trim());
        }

        await rows.First.ClickAsync();
        await Expect(page.Locator("[data-testid=log-detail]")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "structured-logs");
    }

    [Fact]
    public async Task TheSagaTraceShowsAsAWaterfallAcrossServices()
    {
        var traceId = await SagaTraceIdAsync();
        var page = await SignInAsync("/traces");
        await Expect(page.Locator($"tr[data-trace='{traceId}']")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "traces");

        await page.Locator($"tr[data-trace='{traceId}'] a").ClickAsync();
        var waterfall = page.Locator("[data-testid=waterfall]");
        foreach (var service in (string[])["gateway", "orders", "customers"])
        {
            await Expect(waterfall.Locator(".span-row .chip", new() { HasText = service }).First).ToBeVisibleAsync();
        }

        await waterfall.Locator(".span-row").Nth(1).ClickAsync();
        await Expect(page.Locator("[data-testid=span-detail]")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "trace-waterfall");
    }

    [Fact]
    public async Task RequestMetricsAreCharted()
    {
        var page = await SignInAsync("/metrics?resource=gateway&instrument=http.server.request.duration");
        await Expect(page.Locator("[data-testid=chart] svg polyline").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await SaveScreenshotAsync(page, "metrics");
    }

    [Fact]
    public async Task AResourceRestartsFromThePage()
    {
        var page = await SignInAsync();
        var row = page.Locator("tr[data-resource='catalog']");
        await Expect(row.Locator("[data-testid=state]")).ToHaveTextAsync("Running");
        var pid = await row.GetAttributeAsync("data-pid");
        Assert.False(string.IsNullOrEmpty(pid));
        await row.GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();
        await Expect(row).Not.ToHaveAttributeAsync("data-pid", pid!, new() { Timeout = 60_000 });
        await Expect(row.Locator("[data-testid=state]")).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        // A restart swaps: the new process takes the traffic first, then the old one is given its graceful stop.
        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync([int.Parse(pid!)], TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    private async Task<IPage> SignInAsync(string path = "/")
    {
        var context = await store.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(store.LoginUrl.ToString());
        Assert.Equal(200, response!.Status);
        if (path != "/")
        {
            await page.GotoAsync(new Uri(store.DashboardUrl, path).ToString());
        }

        return page;
    }

    /// <summary>The trace of the order placed at start: gateway → orders → RabbitMQ → customers and back.</summary>
    private async Task<string> SagaTraceIdAsync()
    {
        using var dashboard = store.CreateDashboardClient();
        while (true)
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?resource=customers&limit=1000", DashboardApiTests.Timeout());
            var saga = traces.EnumerateArray().FirstOrDefault(t => ((string[])["gateway", "orders", "customers"]).All(service =>
                t.GetProperty("spans").EnumerateArray().Any(span => span.GetProperty("resource").GetString() == service)));
            if (saga.ValueKind == JsonValueKind.Object)
            {
                return saga.GetProperty("traceId").GetString()!;
            }

            await Task.Delay(500, DashboardApiTests.Timeout());
        }
    }

    /// <summary>Every value the AppHost generated for a secret parameter (passwords, signing key) in this run.</summary>
    private async Task<IReadOnlyList<string>> GeneratedSecretsAsync()
    {
        var path = Path.Combine(store.AppHost.StateDirectory, "secrets.json");
        var secrets = JsonDocument.Parse(await File.ReadAllTextAsync(path, DashboardApiTests.Timeout())).RootElement;
        var values = secrets.EnumerateObject().Select(p => p.Value.GetString()!).ToList();
        Assert.NotEmpty(values);
        return values;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}.png"), FullPage = false });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
