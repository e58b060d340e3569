using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Notifications.Tests;

/// <summary>
/// One replica of the notifications service, in this process but behind real Kestrel on a loopback port:
/// WebSockets and streamed responses behave as they do in production.
/// </summary>
public sealed class NotificationsReplica : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;

    private NotificationsReplica(IReadOnlyDictionary<string, string> settings, string environment)
    {
        _settings = settings;
        _environment = environment;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <param name="settings">Configuration as the environment would give it (<c>ConnectionStrings:redis</c>, ...).</param>
    /// <param name="environment">Development, as the orchestrator runs it locally; the cluster runs Production.</param>
    public static NotificationsReplica Start(IReadOnlyDictionary<string, string> settings, string environment = "Development")
    {
        var replica = new NotificationsReplica(settings, environment);
        replica.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        replica.StartServer();
        replica.Address = new Uri(replica.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return replica;
    }

    public Uri Http(string pathAndQuery) => new(Address, pathAndQuery);

    public Uri WebSocket(string pathAndQuery) => new UriBuilder(Http(pathAndQuery)) { Scheme = "ws" }.Uri;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
