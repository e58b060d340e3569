using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Parity.Hosting.Eventing;
using Parity.Hosting.Lifecycle;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>builder.Eventing in a real run: each event at its moment, subscribers once, failures named.</summary>
public sealed class EventingTests
{
    [Fact]
    public async Task EventsFireInOrderAndDependentsStartAfterTheReadySubscribersAreDone()
    {
        var builder = TestApp.CreateBuilder();
        var events = new ConcurrentQueue<string>();
        var seeded = "no";
        var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        var connection = builder.AddConnectionString("api-conn", ReferenceExpression.Create($"Url={api.GetEndpoint("http")}"));
        var worker = builder.AddProject<Projects.TestService>("worker")
            .WithEnvironment("SEEDED", () => seeded)
            .WaitFor(api);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            events.Enqueue($"before-start:{e.Model.Resources.Count}:{e.Services.GetService<ResourceNotificationService>() is not null}");
            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((_, _) => Record(events, "resources-created"));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) => Record(events, $"starting:{e.Resource.Name}"));
        api.OnResourceReady(async (resource, e, token) =>
        {
            events.Enqueue($"ready:{resource.Name}");
            await Task.Delay(300, token); // seeding takes a while; the worker must not start meanwhile
            seeded = "yes";
        });
        connection.OnConnectionStringAvailable((resource, _, _) => Record(events, $"connection-string:{resource.Name}"));
        worker.OnBeforeResourceStarted((resource, _, _) => Record(events, $"worker-starting:{seeded}"));
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var workerUrl = (await app.WaitForAsync("worker", s => s.State == ResourceState.Running)).Urls![0];

        Assert.Equal("yes", await TestApp.GetAsync($"{workerUrl}/env/SEEDED"));
        var order = events.ToList();
        Assert.Equal("before-start:3:True", order[0]);
        Assert.Contains("resources-created", order);
        Assert.Contains("connection-string:api-conn", order);
        Assert.True(order.IndexOf("starting:api") < order.IndexOf("ready:api"), string.Join(", ", order));
        Assert.True(order.IndexOf("ready:api") < order.IndexOf("starting:worker"), string.Join(", ", order));
        Assert.Contains("worker-starting:yes", order);
        Assert.Single(order, e => e == "ready:api");
    }

    [Fact]
    public async Task ASubscriberRegisteredTwiceSubscribesOnceAndSeesTheRunsContext()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddExecutable("sleeper", "sleep", ".", "60");
        builder.Services.AddSingleton<StartCounter>();
        builder.Services.TryAddEventingSubscriber<CountingSubscriber>();
        builder.Services.TryAddEventingSubscriber<CountingSubscriber>();
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForAsync("sleeper", s => s.State == ResourceState.Running);

        var counter = app.Services.GetRequiredService<StartCounter>();
        Assert.Equal((1, 1, true), (counter.Subscriptions, counter.BeforeStarts, counter.RunMode));
    }

    [Fact]
    public async Task AFailingReadySubscriberFailsTheResourcesThatWaitNamingIt()
    {
        var builder = TestApp.CreateBuilder();
        var sleeper = builder.AddExecutable("sleeper", "sleep", ".", "60")
            .OnResourceReady((_, _, _) => throw new InvalidOperationException("seed data missing"));
        builder.AddExecutable("dependent", "sleep", ".", "60").WaitFor(sleeper);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var failed = await app.WaitForAsync("dependent", s => s.State == ResourceState.FailedToStart);
        Assert.Contains("'sleeper'", failed.Message);
        Assert.Contains("seed data missing", failed.Message);
    }

    [Fact]
    public async Task WaitOnResourceUnavailableKeepsWaitingWhereTheDefaultGivesUp()
    {
        var builder = TestApp.CreateBuilder();
        var attempts = 0;
        var flaky = builder.AddExecutable("flaky", "sleep", ".", "60")
            .OnBeforeResourceStarted((_, _, _) => Interlocked.Increment(ref attempts) == 1
                ? throw new InvalidOperationException("not yet")
                : Task.CompletedTask);
        builder.AddExecutable("patient", "sleep", ".", "60").WaitFor(flaky, WaitBehavior.WaitOnResourceUnavailable);
        builder.AddExecutable("impatient", "sleep", ".", "60").WaitFor(flaky);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var flakyFailed = await app.WaitForAsync("flaky", s => s.State == ResourceState.FailedToStart);
        Assert.Contains("not yet", flakyFailed.Message);
        await app.WaitForAsync("impatient", s => s.State == ResourceState.FailedToStart);
        Assert.Equal(ResourceState.Waiting, app.ResourceNotifications.Get("patient")!.State);

        await app.ResourceCommands.StartResourceAsync("flaky");

        await app.WaitForAsync("patient", s => s.State == ResourceState.Running);
        Assert.Equal(ResourceState.FailedToStart, app.ResourceNotifications.Get("impatient")!.State);
    }

    [Fact]
    public async Task EventsPublishedByTheAppHostReachResourceAndTypeSubscribersOnly()
    {
        var eventing = new DistributedApplicationEventing();
        var builder = TestApp.CreateBuilder();
        var a = builder.AddExecutable("a", "true", ".").Resource;
        var b = builder.AddExecutable("b", "true", ".").Resource;
        var seen = new List<string>();
        eventing.Subscribe<ResourceReadyEvent>(a, (e, _) => Record(seen, $"a-only:{e.Resource.Name}"));
        var all = eventing.Subscribe<ResourceReadyEvent>((e, _) => Record(seen, $"all:{e.Resource.Name}"));
        eventing.Subscribe<BeforeResourceStartedEvent>((e, _) => Record(seen, $"other:{e.Resource.Name}"));

        await eventing.PublishAsync(new ResourceReadyEvent(a, EmptyServices.Instance), TestApp.Timeout());
        await eventing.PublishAsync(new ResourceReadyEvent(b, EmptyServices.Instance), EventDispatchBehavior.BlockingConcurrent, TestApp.Timeout());
        eventing.Unsubscribe(all);
        await eventing.PublishAsync(new ResourceReadyEvent(b, EmptyServices.Instance), TestApp.Timeout());

        Assert.Equal(["a-only:a", "all:a", "all:b"], seen);
    }

    private static Task Record(ConcurrentQueue<string> events, string name)
    {
        events.Enqueue(name);
        return Task.CompletedTask;
    }

    private static Task Record(List<string> events, string name)
    {
        events.Add(name);
        return Task.CompletedTask;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }

    private sealed class StartCounter
    {
        public int Subscriptions;
        public int BeforeStarts;
        public bool RunMode;
    }

    private sealed class CountingSubscriber(StartCounter counter) : IDistributedApplicationEventingSubscriber
    {
        public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter.Subscriptions);
            counter.RunMode = executionContext.IsRunMode;
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                Interlocked.Increment(ref counter.BeforeStarts);
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        }
    }
}
