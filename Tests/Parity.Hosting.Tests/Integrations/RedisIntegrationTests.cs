using Parity.Hosting.Orchestration;
using StackExchange.Redis;

namespace Parity.Hosting.Tests.Integrations;

public sealed class RedisIntegrationTests
{
    [Fact]
    public async Task ServesSetGetAndPubSubThroughTheInjectedConnectionStringAndRefusesAWrongPassword()
    {
        var builder = TestApp.CreateBuilder();
        var cache = builder.AddRedis("cache");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("cache");
        var connectionString = await app.GetConnectionStringAsync("cache", TestContext.Current.CancellationToken) ?? "";
        Assert.Matches(@"^localhost:\d+,password=\w{22}$", connectionString);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        await db.StringSetAsync("greeting", "hello");
        Assert.Equal("hello", (string?)await db.StringGetAsync("greeting"));

        var received = new TaskCompletionSource<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("news"), (_, message) => received.TrySetResult(message.ToString()));
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("news"), "extra");
        Assert.Equal("extra", await received.Task.WaitAsync(TestApp.Timeout()));

        var wrong = connectionString[..connectionString.LastIndexOf('=')] + "=wrong,abortConnect=false";
        await using var refused = await ConnectionMultiplexer.ConnectAsync(wrong);
        await Assert.ThrowsAsync<RedisConnectionException>(() => refused.GetDatabase().PingAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DataSurvivesARestartOnlyWithADataVolume(bool withVolume)
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        await using (var first = await StartAsync(state, withVolume))
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(await first.GetConnectionStringAsync("cache", TestContext.Current.CancellationToken) ?? "");
            await redis.GetDatabase().StringSetAsync("kept", "yes");
        }

        await using var second = await StartAsync(state, withVolume);
        await using var again = await ConnectionMultiplexer.ConnectAsync(await second.GetConnectionStringAsync("cache", TestContext.Current.CancellationToken) ?? "");
        Assert.Equal(withVolume ? "yes" : null, (string?)await again.GetDatabase().StringGetAsync("kept"));
    }

    private static async Task<DistributedApplication> StartAsync(string state, bool withVolume)
    {
        var builder = TestApp.CreateBuilder(state);
        var cache = builder.AddRedis("cache");
        if (withVolume)
        {
            cache.WithDataVolume();
        }
        var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("cache");
        return app;
    }
}
