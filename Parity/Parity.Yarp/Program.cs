using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The reverse proxy AddYarp runs: locally a process beside the AppHost, in the cluster its image. Everything it does
// comes from configuration, which the AppHost's model renders per target as environment variables: routes and
// clusters under ReverseProxy__, destinations named like http://catalog and resolved from services__catalog__http__0.
const string HealthPath = "/_health";

// The content root is the app's own folder, so where the engine starts the process from does not matter.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Services.AddServiceDiscovery();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

builder.Logging.AddOpenTelemetry(logging =>
{
    logging.IncludeFormattedMessage = true;
    logging.IncludeScopes = true;
});
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath))
        .AddHttpClientInstrumentation());
// Without an endpoint the exporter would retry against localhost:4317 forever.
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    builder.Services.AddOpenTelemetry().UseOtlpExporter();
}

var app = builder.Build();

if (string.Equals(app.Configuration["YARP_ENABLE_STATIC_FILES"], "true", StringComparison.OrdinalIgnoreCase))
{
    app.UseDefaultFiles();
    app.UseStaticFiles();
}

// A literal path outranks a route's catch-all, so the probe is answered here whatever the routes are.
app.MapGet(HealthPath, () => Results.Text("Healthy"));
app.MapReverseProxy();

app.Run();
