using System.Net;
using System.Text.Json;

namespace Parity.Dashboard.Tests;

public sealed class FrontendApiTests
{
    [Fact]
    public async Task Api_requires_the_browser_token_and_login_sets_a_cookie_that_works()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = dashboard.CreateFrontendClient(authenticated: false);

        using var health = await anonymous.GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var denied = await anonymous.GetAsync("/api/traces", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);

        using var bearer = dashboard.CreateFrontendClient();
        using var allowed = await bearer.GetAsync("/api/traces", ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(dashboard.FrontendUrl) };

        using var badLogin = await browser.GetAsync("/login?t=wrong", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);

        using var login = await browser.GetAsync($"/login?t={RunningDashboard.BrowserToken}", ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        using var withCookie = await browser.GetAsync("/api/logs", ct);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
    }

    [Fact]
    public async Task Unsecured_frontend_mode_needs_no_token()
    {
        await using var dashboard = await RunningDashboard.StartAsync(new Dictionary<string, string?> { ["Dashboard:FrontendAuthMode"] = "Unsecured" });
        using var anonymous = dashboard.CreateFrontendClient(authenticated: false);

        using var response = await anonymous.GetAsync("/api/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/traces?limit=abc")]
    [InlineData("/api/traces?limit=0")]
    [InlineData("/api/logs?level=loud")]
    public async Task Bad_query_values_get_problem_details(string path)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var client = dashboard.CreateFrontendClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }
}
