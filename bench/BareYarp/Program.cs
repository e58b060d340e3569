using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

// One route, /api/customers/..., to the backend given as --Backend, with the gateway's path transform.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var backend = builder.Configuration["Backend"] ?? throw new InvalidOperationException("Pass --Backend=<url>.");
RouteConfig[] routes =
[
    new RouteConfig
    {
        RouteId = "customers",
        ClusterId = "customers",
        Match = new RouteMatch { Path = "/api/customers/{**rest}" },
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
app.MapReverseProxy();
app.Run();
