using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

// One route, /api/customers/..., to the backend given as --Backend, with the gateway's path transform. --Features adds the
// gateway's features one by one, each set up as the gateway sets it up, so bench/gateway.sh can price each:
//   jwt        the store's bearer tokens (development tokens, HS256 with Jwt:SigningKey) required on the route
//   ratelimit  a token bucket per signed-in client, RateLimiting:PermitsPerSecond both rate and burst
//   otel       the services' OpenTelemetry (traces, metrics, logs), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var backend = builder.Configuration["Backend"] ?? throw new InvalidOperationException("Pass --Backend=<url>.");
var features = (builder.Configuration["Features"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
var jwt = features.Contains("jwt");
var rateLimit = features.Contains("ratelimit");

if (features.Contains("otel"))
{
    builder.ConfigureOpenTelemetry();
}

if (jwt)
{
    builder.AddStoreBearerTokens("bare YARP", _ => false);
}

if (rateLimit)
{
    var permits = builder.Configuration.GetValue("RateLimiting:PermitsPerSecond", 200);
    var bucket = new TokenBucketRateLimiterOptions
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    };
    builder.Services.AddRateLimiter(options => options.AddPolicy("per-client", context =>
        RateLimitPartition.GetTokenBucketLimiter(context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "", _ => bucket)));
}

RouteConfig[] routes =
[
    new RouteConfig
    {
        RouteId = "customers",
        ClusterId = "customers",
        Match = new RouteMatch { Path = "/api/customers/{**rest}" },
        AuthorizationPolicy = jwt ? "default" : null,
        RateLimiterPolicy = rateLimit ? "per-client" : null,
    }.WithTransformPathRemovePrefix("/api"),
];
ClusterConfig[] clusters =
[
    new()
    {
        ClusterId = "customers",
        Destinations = new Dictionary<string, DestinationConfig> { ["customers"] = new() { Address = backend } },
    },
];
builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
var app = builder.Build();
if (jwt)
{
    app.UseAuthentication();
}

if (rateLimit)
{
    app.UseRateLimiter();
}

if (jwt)
{
    app.UseAuthorization();
}

app.MapReverseProxy();
app.Run();
