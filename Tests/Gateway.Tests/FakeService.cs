using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port whose answer a test sets and changes, counting the requests it
/// receives: a stand-in for a service the gateway calls, healthy or failing.
/// </summary>
internal sealed class FakeService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private RequestDelegate _answer;
    private int _requests;

    private FakeService(WebApplication app, RequestDelegate answer)
    {
        _app = app;
        _answer = answer;
    }

    public Uri Address => new(_app.Urls.Single());

    public int Requests => Volatile.Read(ref _requests);

    public string? LastAuthorization { get; private set; }

    public static async Task<FakeService> StartAsync(RequestDelegate answer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();

        var service = new FakeService(app, answer);
        app.Run(service.HandleAsync);
        await app.StartAsync(cancellationToken);
        return service;
    }

    public static RequestDelegate Json(object body) => context => context.Response.WriteAsJsonAsync(body, context.RequestAborted);

    public static RequestDelegate Status(int statusCode) => context =>
    {
        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    };

    public void Answer(RequestDelegate answer) => Volatile.Write(ref _answer, answer);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        LastAuthorization = context.Request.Headers.Authorization;
        return Volatile.Read(ref _answer)(context);
    }
}
