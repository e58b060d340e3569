using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Parity.Hosting.Orchestration;
using Parity.Tests;

namespace Parity.Hosting.Tests;

/// <summary>Real processes: the test service and ordinary programs, started, watched and stopped by the engine.</summary>
public sealed class OrchestratorTests
{
    [Fact]
    public async Task WaitForHoldsADependentUntilItsDependencyIsHealthyWhileOthersStartAtOnce()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api").WithEnvironment("START_UNHEALTHY", "true").WithHttpHealthCheck("/health");
        builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
        builder.AddExecutable("sleeper", "sleep", ".", "60");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        await app.WaitForAsync("sleeper", s => s.State == ResourceState.Running);
        var apiRunning = await app.WaitForAsync("api", s => s.State == ResourceState.Running);
        Assert.Equal(ResourceState.Waiting, app.ResourceNotifications.Get("worker")!.State);

        await TestApp.PostAsync($"{apiRunning.Urls![0]}/health/up");
        await app.WaitForHealthyAsync("api");
        var worker = await app.WaitForAsync("worker", s => s.State == ResourceState.Running);

        Assert.True(worker.StartedAt > app.ResourceNotifications.Get("sleeper")!.StartedAt);
        var discovered = await TestApp.GetAsync($"{worker.Urls![0]}/env/services__api__http__0");
        Assert.Equal(apiRunning.Urls[0], discovered);
    }

    [Fact]
    public async Task WaitForCompletionStartsTheDependentOnlyAfterASuccessfulRun()
    {
        var builder = TestApp.CreateBuilder();
        var migrate = builder.AddProject<Projects.TestService>("migrate").WithEnvironment("EXIT_AFTER_MS", "300");
        builder.AddExecutable("app", "sleep", ".", "60").WaitForCompletion(migrate);
        var broken = builder.AddProject<Projects.TestService>("broken").WithEnvironment("EXIT_AFTER_MS", "100").WithEnvironment("EXIT_CODE", "3");
        builder.AddExecutable("blocked", "sleep", ".", "60").WaitForCompletion(broken);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var finished = await app.WaitForAsync("migrate", s => s.State == ResourceState.Finished);
        var started = await app.WaitForAsync("app", s => s.State == ResourceState.Running);
        Assert.Equal(0, finished.ExitCode);

        var failed = await app.WaitForAsync("blocked", s => s.State == ResourceState.FailedToStart);
        Assert.Contains("'broken' to complete with exit code 0", failed.Message);
        var brokenState = app.ResourceNotifications.Get("broken")!;
        Assert.Equal((ResourceState.Exited, 3, 0), (brokenState.State, brokenState.ExitCode, brokenState.Restarts));
        Assert.NotNull(started.StartedAt);
    }

    [Fact]
    public async Task AHealthCheckAsksTheEndpointItNamesForTheStatusItExpects()
    {
        var misnamed = TestApp.CreateBuilder();
        misnamed.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health", endpointName: "missing");
        await using (var invalid = misnamed.Build())
        {
            var error = await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => invalid.StartAsync(TestApp.Timeout()));
            Assert.Equal(["Resource 'api' has a health check on endpoint 'missing', which it does not declare."], error.Errors);
        }

        var builder = TestApp.CreateBuilder();
        // Unhealthy (503) from the start: healthy only because that is the status the check expects.
        builder.AddProject<Projects.TestService>("api").WithEnvironment("START_UNHEALTHY", "true")
            .WithHttpEndpoint(name: "admin")
            .WithHttpHealthCheck("/health", statusCode: 503, endpointName: "admin");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var api = await app.WaitForHealthyAsync("api");
        Assert.Equal(2, api.Urls!.Count);
    }

    [Fact]
    public async Task AnHttp2OnlyServiceIsAskedWithHttp2AndServesItThroughItsEndpoint()
    {
        var builder = TestApp.CreateBuilder();
        // Kestrel refuses HTTP/1.1 on this endpoint: a probe without prior knowledge would never see it healthy.
        builder.AddProject<Projects.TestService>("grpc")
            .WithEnvironment("Kestrel__EndpointDefaults__Protocols", "Http2")
            .WithHttpHealthCheck("/health")
            .AsHttp2Service();
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var grpc = await app.WaitForHealthyAsync("grpc");

        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync(new Uri(new Uri(grpc.Urls![0]), "/health"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        using var http11 = new HttpClient();
        using var refused = await http11.GetAsync(new Uri(new Uri(grpc.Urls![0]), "/health"), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task AResourceIsHealthyOnlyWhileTheAppHostsCheckItNamesIsAndAnUnknownNameIsRefused()
    {
        var unknown = TestApp.CreateBuilder();
        unknown.AddProject<Projects.TestService>("api").WithHealthCheck("warmed-up");
        await using (var invalid = unknown.Build())
        {
            var error = await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => invalid.StartAsync(TestApp.Timeout()));
            Assert.Equal(
                ["Resource 'api' has health check 'warmed-up', which the AppHost does not register. Register it with builder.Services.AddHealthChecks().AddCheck(\"warmed-up\", ...), or remove WithHealthCheck."],
                error.Errors);
        }

        var warm = false;
        var builder = TestApp.CreateBuilder();
        builder.Services.AddHealthChecks().AddCheck("warmed-up", () => warm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("still cold"));
        builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health").WithHealthCheck("warmed-up");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        // Its own /health answers at once, but the AppHost's check holds it back.
        var running = await app.WaitForAsync("api", s => s.State == ResourceState.Running);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.NotEqual(ResourceState.Healthy, app.ResourceNotifications.Current.Single(r => r.Name == "api").State);
        Assert.True(running.HasHealthCheck);

        warm = true;
        await app.WaitForHealthyAsync("api");
    }

    [Fact]
    public async Task ACrashedServiceIsRestartedAndCountsTheRestart()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var healthy = await app.WaitForHealthyAsync("api");
        var firstPid = app.PidOf("api");

        // At the process itself: through the endpoint's proxy, a client's retry of the request would wait for the restarted one.
        await TestApp.CrashAsync(healthy.Replicas![0].Urls[0]);

        var crashed = await app.WaitForAsync("api", s => s.State == ResourceState.Exited);
        Assert.Equal(3, crashed.ExitCode);
        var back = await app.WaitForAsync("api", s => s.IsReady && s.Restarts == 1);
        Assert.NotEqual(firstPid, app.PidOf("api"));
        Assert.Equal(healthy.Urls, back.Urls);
    }

    [Fact]
    public async Task StopStartAndRestartCommandsControlOneResource()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        builder.AddExecutable("sleeper", "sleep", ".", "60");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("api");
        var firstPid = app.PidOf("api");

        await app.ResourceCommands.StopResourceAsync("api");
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("api")!.State);
        Assert.False(ProcessProbe.IsAlive(firstPid));
        Assert.Equal(ResourceState.Running, app.ResourceNotifications.Get("sleeper")!.State);

        await app.ResourceCommands.StartResourceAsync("api");
        await app.WaitForHealthyAsync("api");
        var secondPid = app.PidOf("api");
        Assert.NotEqual(firstPid, secondPid);

        await app.ResourceCommands.ExecuteCommandAsync("api", ResourceCommandService.Restart, TestContext.Current.CancellationToken);
        await app.WaitForHealthyAsync("api");
        Assert.False(ProcessProbe.IsAlive(secondPid));
        Assert.NotEqual(secondPid, app.PidOf("api"));
        Assert.Equal(0, app.ResourceNotifications.Get("api")!.Restarts);
    }

    [Fact]
    public async Task ACleanStopEndsEveryProcessAndRemovesRunJson()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        var builder = TestApp.CreateBuilder(state);
        var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
        builder.AddExecutable("sleeper", "sleep", ".", "60");
        var app = builder.Build();
        var notifications = app.ResourceNotifications;
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForAsync("worker", s => s.State == ResourceState.Running);
        var pids = new[] { "api", "worker", "sleeper" }.Select(app.PidOf).ToList();

        var runJson = await File.ReadAllTextAsync(Path.Combine(state, "run.json"), TestContext.Current.CancellationToken);
        Assert.Contains($"\"appHostPid\": {Environment.ProcessId}", runJson);

        await app.StopAsync(TestApp.Timeout());
        await app.DisposeAsync();

        Assert.DoesNotContain(pids, ProcessProbe.IsAlive);
        Assert.False(File.Exists(Path.Combine(state, "run.json")));
        Assert.All(new[] { "api", "worker", "sleeper" }, name => Assert.Equal(ResourceState.Exited, notifications.Get(name)!.State));
    }

    [Fact]
    public async Task AProjectKnownOnlyByItsPathIsBuiltOnceAndRuns()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject("first", "../Fixtures/TestService/TestService.csproj").WithHttpHealthCheck("/health");
        builder.AddProject("second", "../Fixtures/TestService/TestService.csproj").WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var first = await app.WaitForHealthyAsync("first");
        var second = await app.WaitForHealthyAsync("second");

        Assert.Equal("http", await TestApp.GetAsync($"{first.Urls![0]}/env/FROM_PROFILE"));
        Assert.NotEqual(first.Urls, second.Urls);
    }

    [Fact]
    public async Task ReplicasRunAsSeparateProcessesBehindOneBalancedEndpoint()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health").WithReplicas(2);
        builder.AddProject<Projects.TestService>("client").WithReference(api).WaitFor(api);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var healthy = await app.WaitForHealthyAsync("api");
        var replicas = healthy.Replicas!;
        Assert.Equal(2, replicas.Count);
        Assert.Equal(2, replicas.Select(r => r.Pid).Distinct().Count());
        Assert.DoesNotContain(healthy.Urls![0], replicas.SelectMany(r => r.Urls));

        var client = await app.WaitForAsync("client", s => s.State == ResourceState.Running);
        Assert.Equal(healthy.Urls[0], await TestApp.GetAsync($"{client.Urls![0]}/env/services__api__http__0"));
        var served = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }); // a new connection each time
            served.Add(await http.GetStringAsync($"{healthy.Urls[0]}/pid", TestContext.Current.CancellationToken));
        }
        Assert.Equal(replicas.Select(r => r.Pid.ToString()).Order(), served.Order());

        await TestApp.CrashAsync(replicas[0].Urls[0]);
        await app.WaitForAsync("api", s => s.State == ResourceState.Exited);
        Assert.Equal(replicas[1].Pid.ToString(), await TestApp.GetAsync($"{healthy.Urls[0]}/pid"));
        var back = await app.WaitForAsync("api", s => s.IsReady && s.Restarts == 1);
        Assert.Equal(2, back.Replicas!.Count(r => r.State == ResourceState.Healthy));
    }
}
