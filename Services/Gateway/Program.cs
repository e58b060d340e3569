using Gateway;
using Yarp.ReverseProxy.ServiceDiscovery;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters);
builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

var app = builder.Build();

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
});

app.MapReverseProxy();
app.MapDefaultEndpoints();

app.Run();
