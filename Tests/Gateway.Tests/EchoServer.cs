using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>A real Kestrel server on a free loopback port that answers every request with its name and the path it received.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<EchoServer> StartAsync(string name, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.Run(context => context.Response.WriteAsJsonAsync(
            new EchoReply(name, context.Request.Path + context.Request.QueryString),
            context.RequestAborted));

        await app.StartAsync(cancellationToken);
        return new EchoServer(app, new Uri(app.Urls.Single()));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

internal sealed record EchoReply(string Server, string PathAndQuery);
