using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

[Collection(nameof(RunningStoreCollection))]
public sealed class DashboardApiTests(RunningStore store)
{
    [Fact]
    public void TheAppHostPrintsTheLoginUrlItWritesToRunJson() =>
        Assert.Contains($"Dashboard: {store.LoginUrl}", store.AppHost.Output);

    [Fact]
    public async Task OneTraceRunsFromTheGatewayThroughRabbitMQToEveryServiceWhateverItsLanguage()
    {
        using var anonymous = new HttpClient { BaseAddress = store.DashboardUrl };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/traces", Timeout())).StatusCode);

        using var dashboard = store.CreateDashboardClient();
        string[] everyService = ["customers", "gateway", "notifications", "orders", "recommendations"]; // the last in JavaScript
        await WaitForTraceAsync(dashboard, "a trace through every service", trace => everyService.All(service =>
            trace.Any(span => span.GetProperty("resource").GetString() == service)));
    }

    [Fact]
    public async Task TheSagasTraceHoldsTheDatabaseCommandsOfBothServicesUnderTheSpansThatRanThem()
    {
        // The fixture placed an order: its trace runs from the gateway through orders' request and customers' consumer.
        using var dashboard = store.CreateDashboardClient();
        await WaitForTraceAsync(dashboard, "a trace from the gateway with database spans under orders' and customers' own spans", trace =>
            trace.Any(span => span.GetProperty("resource").GetString() == "gateway")
            && HasDatabaseSpanUnder(trace, "orders") && HasDatabaseSpanUnder(trace, "customers"));
    }

    private static bool HasDatabaseSpanUnder(List<JsonElement> trace, string service) =>
        trace.Any(span => span.GetProperty("resource").GetString() == service
            && span.GetProperty("kind").GetString() is "Client"
            && span.GetProperty("attributes").EnumerateObject().Any(a => a.Name is "db.system" or "db.system.name" && a.Value.GetString() == "postgresql")
            && trace.Any(parent => parent.GetProperty("resource").GetString() == service
                && parent.GetProperty("spanId").GetString() == span.GetProperty("parentSpanId").GetString()));

    [Fact]
    public async Task TheJavaScriptServicePassesTheTraceOnToTheDotNetServiceItCalls()
    {
        using var customer = await store.Gateway.PostAsJsonAsync("/api/customers", new { name = "Grace", creditLimit = 5m }, Timeout());
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>(Timeout())).GetProperty("customerId").GetInt64();
        using var recommendations = await store.Gateway.GetAsync($"/api/recommendations/{customerId}", Timeout());
        Assert.Equal(HttpStatusCode.OK, recommendations.StatusCode);

        // gateway (.NET) → recommendations (JavaScript) → customers (.NET) in one trace: W3C trace context in and out.
        using var dashboard = store.CreateDashboardClient();
        await WaitForTraceAsync(dashboard, "a trace gateway → recommendations → customers", trace =>
            HasChildOf(trace, "recommendations", "gateway") && HasChildOf(trace, "customers", "recommendations"));
    }

    /// <summary>Reads the dashboard's latest traces until one matches, for at most two minutes.</summary>
    private static async Task WaitForTraceAsync(HttpClient dashboard, string expected, Func<List<JsonElement>, bool> matches)
    {
        var deadline = Timeout();
        while (!deadline.IsCancellationRequested)
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?limit=100", deadline);
            if (traces.EnumerateArray().Select(t => t.GetProperty("spans").EnumerateArray().ToList()).Any(matches))
            {
                return;
            }
            await Task.Delay(500, CancellationToken.None);
        }
        Assert.Fail($"The dashboard's latest 100 traces never held {expected}.");
    }

    private static bool HasChildOf(List<JsonElement> trace, string child, string parent) =>
        trace.Any(c => c.GetProperty("resource").GetString() == child && trace.Any(p => p.GetProperty("resource").GetString() == parent
            && p.GetProperty("spanId").GetString() == c.GetProperty("parentSpanId").GetString()));

    internal static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(120));
        return source.Token;
    }
}
