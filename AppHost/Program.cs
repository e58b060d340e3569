var builder = DistributedApplication.CreateBuilder(args);

var customers = builder.AddProject<Projects.Customers>("customers")
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(customers)
    .WaitFor(customers)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
