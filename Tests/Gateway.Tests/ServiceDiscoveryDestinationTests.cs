using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.Tests;

/// <summary>The destination resolver the gateway registers: service names to the addresses of their replicas.</summary>
public sealed class ServiceDiscoveryDestinationTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://customers", "http://127.0.0.1:7001/")]
    [InlineData("https+http://customers", "http://127.0.0.1:7001/")]
    [InlineData("http://customers/base/", "http://127.0.0.1:7001/base/")]
    public async Task Resolves_a_service_name_from_configuration(string address, string expected)
    {
        await using var services = BuildServices(new() { ["services:customers:http:0"] = "http://127.0.0.1:7001" });

        var resolved = await Resolve(services, address);

        Assert.Equal([expected], resolved.Select(destination => destination.Address));
    }

    [Fact]
    public async Task Resolves_every_configured_replica()
    {
        await using var services = BuildServices(new()
        {
            ["services:customers:http:0"] = "http://127.0.0.1:7001",
            ["services:customers:http:1"] = "http://127.0.0.1:7002",
        });

        var resolved = await Resolve(services, "http://customers");

        Assert.Equal(["http://127.0.0.1:7001/", "http://127.0.0.1:7002/"], resolved.Select(destination => destination.Address).Order());
    }

    [Fact]
    public async Task Passes_an_unconfigured_name_through_as_a_host_name()
    {
        await using var services = BuildServices([]);

        var resolved = await Resolve(services, "http://customers");

        Assert.Equal(["http://customers/"], resolved.Select(destination => destination.Address));
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddServiceDiscovery();
        services.AddReverseProxy().AddServiceDiscoveryDestinationResolver();
        return services.BuildServiceProvider();
    }

    private static async Task<IEnumerable<DestinationConfig>> Resolve(IServiceProvider services, string address)
    {
        var resolver = services.GetRequiredService<IDestinationResolver>();
        var resolved = await resolver.ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["customers"] = new() { Address = address } },
            CancellationToken);
        return resolved.Destinations.Values;
    }
}
