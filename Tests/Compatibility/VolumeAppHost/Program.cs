var builder = DistributedApplication.CreateBuilder(args);

var postgresServer = builder.AddPostgres("postgresserver")
    .WithDataVolume()
    .WithLifetime(ContainerLifetime.Persistent);

var postgresDatabase = postgresServer.AddDatabase("postgres");

var cache = builder.AddRedis("cache")
    .WithDataVolume("cache-data", isReadOnly: false);

builder.AddProject<Projects.TestService>("blazorweb")
    .WithReference(postgresDatabase)
    .WaitFor(postgresDatabase)
    .WithReference(cache)
    .WaitFor(cache, WaitBehavior.StopOnResourceUnavailable)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
