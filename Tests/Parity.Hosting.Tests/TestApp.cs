using System.Net.Http.Json;
using System.Net.Sockets;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Parity.Hosting.Tests;

/// <summary>Builders for apps that run real processes on random ports, each with its own state folder.</summary>
internal static class TestApp
{
    /// <param name="stateDirectory">A state folder to share between runs (persistence tests); a fresh one otherwise.</param>
    /// <param name="keepPersistentResources">Let resources declared persistent outlive the run, as outside tests.</param>
    public static IDistributedApplicationTestingBuilder CreateBuilder(string? stateDirectory = null, bool keepPersistentResources = false) =>
        DistributedApplicationTestingBuilder.Create([], options =>
        {
            options.StateDirectory = stateDirectory ?? options.StateDirectory;
            options.StopGracePeriod = TimeSpan.FromSeconds(3);
            options.KeepPersistentResources = keepPersistentResources;
        });

    /// <summary>Generous: these wait on real processes on a busy 2-core machine.</summary>
    public static CancellationToken Timeout(int seconds = 90)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(seconds));
        return source.Token;
    }

    public static Task<ResourceSnapshot> WaitForAsync(this DistributedApplication app, string name, Func<ResourceSnapshot, bool> predicate) =>
        app.ResourceNotifications.WaitForResourceAsync(name, predicate, Timeout());

    public static Task<ResourceSnapshot> WaitForHealthyAsync(this DistributedApplication app, string name) =>
        app.ResourceNotifications.WaitForResourceHealthyAsync(name, Timeout());

    public static int PidOf(this DistributedApplication app, string name) =>
        app.ResourceNotifications.Get(name)!.Replicas!.Single().Pid ?? throw new InvalidOperationException($"{name} has no process");

    /// <summary>Retries until the process listens: a resource without a health check is Running before it binds.</summary>
    public static Task<string> GetAsync(string url) =>
        SendAsync(http => http.GetStringAsync(url, TestContext.Current.CancellationToken));

    public static Task PostAsync(string url) =>
        SendAsync(async http => (await http.PostAsync(url, null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode());

    /// <summary>GETs one after another, on kept-alive connections, until stopped: the distinct answers, and every failure.</summary>
    public static async Task<(HashSet<string> Served, List<string> Failures)> RequestLoopAsync(string url, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var served = new HashSet<string>();
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                served.Add(await http.GetStringAsync(url, CancellationToken.None));
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{clock.Elapsed.TotalSeconds:0.00}s: {e.Message}");
            }
        }
        return (served, failures);
    }

    /// <summary>Makes the test service exit with code 3; the connection dies with it, so no response is expected.</summary>
    public static async Task CrashAsync(string baseUrl)
    {
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.PostAsync($"{baseUrl}/crash", null, TestContext.Current.CancellationToken);
                Assert.Fail($"The service answered {(int)response.StatusCode} instead of exiting.");
            }
            catch (SocketException) when (attempt < 10)
            {
                // the connection broke before the request was sent (seen as ENOTCONN right after connect): send it again
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                return; // expected: the process ended mid-request (how the connection breaks varies); callers assert the exit
            }
        }
    }

    private static async Task<T> SendAsync<T>(Func<HttpClient, Task<T>> send)
    {
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send(http);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && attempt < 100)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    public static async Task<T?> GetJsonAsync<T>(string url)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<T>(url, TestContext.Current.CancellationToken);
    }
}
