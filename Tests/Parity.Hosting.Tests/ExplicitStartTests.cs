using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>WithExplicitStart: the resource waits to be started by hand, and what waits for it waits too.</summary>
public sealed class ExplicitStartTests
{
    [Fact]
    public async Task AnExplicitlyStartedResourceAndItsDependentsWaitUntilItIsStarted()
    {
        var builder = TestApp.CreateBuilder();
        var tool = builder.AddProject<Projects.TestService>("tool").WithHttpHealthCheck("/health").WithExplicitStart();
        builder.AddExecutable("user", "sleep", ".", "60").WaitFor(tool);
        builder.AddExecutable("other", "sleep", ".", "60");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        await app.WaitForAsync("other", s => s.State == ResourceState.Running);
        var user = await app.WaitForAsync("user", s => s.WaitsForExplicitStart);
        var held = app.ResourceNotifications.Get("tool")!;
        Assert.Equal((ResourceState.NotStarted, true, true), (held.State, held.WaitsForExplicitStart, held.IsSettled));
        Assert.Equal(ResourceState.Waiting, user.State);

        await app.ResourceCommands.StartResourceAsync("tool");
        await app.WaitForHealthyAsync("tool");
        var started = await app.WaitForAsync("user", s => s.State == ResourceState.Running);

        Assert.False(started.WaitsForExplicitStart);
        Assert.False(app.ResourceNotifications.Get("tool")!.WaitsForExplicitStart);
    }
}
