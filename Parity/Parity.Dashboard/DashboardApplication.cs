using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Parity.Dashboard.Api;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Otlp;
using Parity.Dashboard.Resources;
using Parity.Dashboard.Security;
using Parity.Dashboard.Storage;
using Parity.Dashboard.Telemetry;

namespace Parity.Dashboard;

/// <summary>Builds the dashboard host: three Kestrel listeners, the OTLP receivers, the store and the JSON API.</summary>
public static class DashboardApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named after this assembly (not the entry assembly) so that its static web assets are found when hosted by tests.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name });
        configure?.Invoke(builder);

        // Outside Development, ASP.NET Core serves the build output's static web assets (blazor.web.js) only when asked.
        builder.WebHost.UseStaticWebAssets();

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
        builder.Services.AddSingleton<ResourceServiceClient>();
        builder.Services.AddSingleton<IResourceSource>(sp => sp.GetRequiredService<ResourceServiceClient>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ResourceServiceClient>());
        builder.Services.AddSingleton<OtlpTraceReceiver>();
        builder.Services.AddSingleton<OtlpLogsReceiver>();
        builder.Services.AddSingleton<OtlpMetricsReceiver>();
        builder.Services.AddSingleton<OtlpApiKeyInterceptor>();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<OtlpApiKeyInterceptor>());
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddScoped<RunSelection>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        // Resolved now so that a storage file is opened, and this run's stored telemetry reloaded, before any request.
        app.Services.GetRequiredService<ITelemetryRuns>();
        app.UseRouting();
        app.UseMiddleware<ListenerGuardMiddleware>();
        app.UseAntiforgery();
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
