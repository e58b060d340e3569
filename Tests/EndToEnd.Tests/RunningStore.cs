using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Parity.Tests;

namespace EndToEnd.Tests;

/// <summary>
/// The reference AppHost run as a user runs it (its own process, with the dashboard), one order placed through the
/// gateway, and a headless Chromium: shared by the tests that look at the dashboard.
/// </summary>
public sealed class RunningStore : IAsyncLifetime
{
    private static readonly string AppHostDll = new Projects.AppHost().TargetPath!;

    private IPlaywright? _playwright;

    public RunningAppHost AppHost { get; private set; } = null!;

    /// <summary>The login URL the AppHost printed: <c>http://127.0.0.1:port/login?t=token</c>.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    public Uri DashboardUrl => new(LoginUrl.GetLeftPart(UriPartial.Authority));

    public string BrowserToken => LoginUrl.Query["?t=".Length..];

    public HttpClient Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        AppHost = RunningAppHost.Start(AppHostDll);
        await AppHost.WaitForAllReadyAsync(timeout.Token);
        var gateway = RunningAppHost.UrlOf(await AppHost.WaitForResourceStateAsync("gateway", "Healthy", timeout.Token));
        var run = JsonDocument.Parse(await File.ReadAllTextAsync(AppHost.RunFile, timeout.Token)).RootElement;
        LoginUrl = new Uri(run.GetProperty("dashboard").GetProperty("loginUrl").GetString()!);

        Gateway = await GatewayClient.SignInAsync(new HttpClient { BaseAddress = new Uri(gateway) }, timeout.Token);
        using var customer = await Gateway.PostAsJsonAsync("/api/customers", new { name = "Ada", creditLimit = 15.00m }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, customer.StatusCode);
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("customerId").GetInt64();
        using var order = await Gateway.PostAsJsonAsync("/api/orders", new { customerId, orderTotal = 1m }, timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, order.StatusCode);

        // Pages wait for telemetry and for processes, on a machine that runs the whole store besides the browser.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The distribution's Chromium: nothing is downloaded.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A client for the dashboard's JSON API, with the browser token.</summary>
    public HttpClient CreateDashboardClient()
    {
        var client = new HttpClient { BaseAddress = DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BrowserToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Gateway?.Dispose();
        if (AppHost is not null)
        {
            await AppHost.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(RunningStoreCollection))]
public sealed class RunningStoreCollection : ICollectionFixture<RunningStore>;
