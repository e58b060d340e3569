namespace Parity.Hosting.Tests.Integrations;

/// <summary>One broker with the management plugin, started through the engine and shared by a test class: each start costs seconds.</summary>
public sealed class RunningRabbitMQ : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>What a service referencing the broker is given, and all the tests use to reach it.</summary>
    public string ConnectionString { get; private set; } = "";

    public Uri ManagementUrl { get; private set; } = new("http://localhost");

    public async ValueTask InitializeAsync()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddRabbitMQ("messaging").WithManagementPlugin();
        _app = builder.Build();
        await _app.StartAsync(TestApp.Timeout());
        await _app.WaitForHealthyAsync("messaging");
        ConnectionString = await _app.GetConnectionStringAsync("messaging", TestContext.Current.CancellationToken) ?? "";
        ManagementUrl = _app.GetEndpoint("messaging", "management");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
