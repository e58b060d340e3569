using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Parity.Dashboard.Api;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Otlp;
using Parity.Dashboard.Security;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard;

/// <summary>Builds the dashboard host: three Kestrel listeners, the OTLP receivers, the store and the JSON API.</summary>
public static class DashboardApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var listeners = new DashboardListeners(options);
        var secrets = new DashboardSecrets(options);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // OTLP/gRPC clients speak cleartext HTTP/2 with prior knowledge, which needs an HTTP/2-only endpoint.
            kestrel.Listen(listeners.OtlpGrpc, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(listeners.OtlpHttp, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(listeners.Frontend, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddTelemetryStorage(options);
        builder.Services.AddSingleton<OtlpTraceReceiver>();
        builder.Services.AddSingleton<OtlpLogsReceiver>();
        builder.Services.AddSingleton<OtlpMetricsReceiver>();
        builder.Services.AddSingleton<OtlpApiKeyInterceptor>();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<OtlpApiKeyInterceptor>());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        // Resolved now so that a storage file is opened, and this run's stored telemetry reloaded, before any request.
        app.Services.GetRequiredService<ITelemetryRuns>();
        app.UseRouting();
        app.UseMiddleware<ListenerGuardMiddleware>();
        app.MapOtlp();
        app.MapFrontend();
        return app;
    }

    /// <summary>The lines printed first at start, so that whoever launched the dashboard can open it.</summary>
    public static IEnumerable<string> StartupBanner(WebApplication app)
    {
        var listeners = app.Services.GetRequiredService<DashboardListeners>();
        var secrets = app.Services.GetRequiredService<DashboardSecrets>();
        yield return secrets.FrontendUnsecured
            ? $"Dashboard: {listeners.FrontendUrl}/"
            : $"Dashboard login: {listeners.FrontendUrl}/login?t={secrets.BrowserToken}";
        if (secrets.OtlpApiKey is not null)
        {
            yield return $"OTLP API key (header {OtlpApiKeyInterceptor.HeaderName}): {secrets.OtlpApiKey}";
        }

        yield return $"OTLP/gRPC: {listeners.OtlpGrpc}  OTLP/HTTP: {listeners.OtlpHttp}";
    }
}
