var builder = DistributedApplication.CreateBuilder(args);

// Backing services: native processes locally, container images in the cluster.
var postgres = builder.AddPostgres("postgres").WithDataVolume();
var customersDb = postgres.AddDatabase("customersdb");
builder.AddRedis("redis");
builder.AddRabbitMQ("rabbitmq").WithManagementPlugin();
builder.AddMinioContainer("minio");

var customers = builder.AddProject<Projects.Customers>("customers")
    .WithReference(customersDb)
    .WaitFor(customersDb)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(customers)
    .WaitFor(customers)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
