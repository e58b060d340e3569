using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parity.Tests;

namespace EndToEnd.Tests;

/// <summary>The reference AppHost, run as a user runs it: requests go through the gateway to customers.</summary>
public sealed class ReferenceAppHostTests
{
    private static readonly string AppHostDll = new Projects.AppHost().TargetPath!;

    [Fact]
    public async Task TheGatewayReachesCustomersAndACrashedServiceComesBackByItself()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll);
        var gateway = RunningAppHost.UrlOf(await appHost.WaitForResourceStateAsync("gateway", "Healthy", Timeout()));
        var customers = await appHost.WaitForResourceStateAsync("customers", "Healthy", Timeout());
        using var http = await GatewayClient.SignInAsync(new HttpClient { BaseAddress = new Uri(gateway) }, Timeout());

        var id = await CreateCustomerAsync(http, "Ada", 15.00m);
        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Timeout());
        Assert.Equal("Ada", fetched.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/customers/999999", Timeout())).StatusCode);

        System.Diagnostics.Process.GetProcessById(RunningAppHost.PidOf(customers)).Kill();
        await appHost.WaitForResourceAsync("customers", r => r.GetProperty("restarts").GetInt32() == 1
            && r.GetProperty("state").GetString() == "Healthy", Timeout());
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/customers", new { name = "Bob", creditLimit = 1 }, Timeout())).StatusCode);
        var afterRestart = await http.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Timeout());
        Assert.Equal("Ada", afterRestart.GetProperty("name").GetString()); // kept in Postgres, not in the process
    }

    [Fact]
    public async Task CtrlCAndSigkillLeaveOnlyThePersistentServicesWhichStopPersistentStops()
    {
        await using var stopped = RunningAppHost.Start(AppHostDll);
        await stopped.WaitForAllReadyAsync(Timeout());
        var persistent = stopped.PersistentPids();
        var pids = stopped.Pids().Except(persistent).ToList();
        Assert.Equal(2, stopped.Pids().Count - pids.Count); // postgres and rabbitmq
        stopped.Signal("INT");
        await stopped.Process.WaitForExitAsync(Timeout());
        Assert.Equal(0, stopped.Process.ExitCode);
        Assert.DoesNotContain(pids, ProcessProbe.IsAlive);
        Assert.All(persistent, pid => Assert.True(ProcessProbe.IsAlive(pid)));
        Assert.False(File.Exists(stopped.RunFile));
        Assert.Equal(0, (await stopped.StopPersistentAsync()).ExitCode);
        Assert.DoesNotContain(persistent, ProcessProbe.IsAlive);

        await using var killed = RunningAppHost.Start(AppHostDll);
        await killed.WaitForAllReadyAsync(Timeout());
        persistent = killed.PersistentPids();
        pids = [.. ProcessProbe.DescendantsOf(killed.Process.Id).Except(persistent).Except(persistent.SelectMany(ProcessProbe.DescendantsOf))];
        Assert.Superset(killed.Pids().Except(persistent).ToHashSet(), pids.ToHashSet());
        Assert.Equal(14, killed.Pids().Count); // with the dashboard
        killed.Signal("KILL");
        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(pids, TimeSpan.FromSeconds(30), Timeout()));
        Assert.All(persistent, pid => Assert.True(ProcessProbe.IsAlive(pid)));
        Assert.Equal(0, (await killed.StopPersistentAsync()).ExitCode);
        Assert.DoesNotContain(persistent, ProcessProbe.IsAlive);
    }

    private static async Task<long> CreateCustomerAsync(HttpClient http, string name, decimal creditLimit)
    {
        using var response = await http.PostAsJsonAsync("/api/customers", new { name, creditLimit }, Timeout());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Timeout())).GetProperty("customerId").GetInt64();
    }

    private static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(120));
        return source.Token;
    }
}
