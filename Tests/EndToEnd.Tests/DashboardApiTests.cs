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
        while (true)
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?limit=100", Timeout());
            if (traces.EnumerateArray().Any(t => everyService.All(service =>
                t.GetProperty("spans").EnumerateArray().Any(span => span.GetProperty("resource").GetString() == service))))
            {
                break;
            }

            await Task.Delay(500, Timeout());
        }
    }

    internal static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(120));
        return source.Token;
    }
}
