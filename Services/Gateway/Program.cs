using Gateway;
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.AddRequestBodyLimits();
var issuesDevelopmentTokens = builder.AddGatewayAuthentication();
builder.Services.AddClientRateLimiting(builder.Configuration);
builder.Services.AddOrderHistoryClients(builder.Configuration);
// Destinations name services (http://customers); discovery turns each into its replicas' addresses.
builder.Services.AddReverseProxy()
    .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseClientErrorProblemDetails();
// Refusals without a body of their own (401 challenges, 404, 405, a proxy error) get problem details too.
app.UseStatusCodePages();
app.UseRequestBodyLimits();
app.UseAuthentication();
// After authentication, so a signed-in client is limited as itself rather than by its address.
app.UseRateLimiter();
app.UseAuthorization();

app.MapGet("/", () => new
{
    Service = "gateway",
    Routes = GatewayRoutes.Routes.Select(route => new
    {
        route.RouteId,
        route.Match.Path,
        Cluster = route.ClusterId,
        Destinations = GatewayRoutes.Clusters
            .Single(cluster => cluster.ClusterId == route.ClusterId)
            .Destinations!.Values.Select(destination => destination.Address),
    }),
    Endpoints = issuesDevelopmentTokens
        ? new[] { $"POST {TokenEndpoint.Path} (anonymous, Development only)", $"GET {OrderHistoryEndpoint.Path}" }
        : new[] { $"GET {OrderHistoryEndpoint.Path}" },
});

if (issuesDevelopmentTokens)
{
    app.MapTokenEndpoint();
}

app.MapOrderHistoryEndpoint();
// YARP's default pipeline, with a retry of requests that never reached a backend in front of load balancing.
app.MapReverseProxy(proxy =>
{
    proxy.UseUnreachedBackendRetry();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
}).ConfigureEndpoints((endpoint, route) =>
    RequestBodyLimits.AllowLargerImageBodies(endpoint, route, app.Configuration));
app.MapDefaultEndpoints();

app.Run();
