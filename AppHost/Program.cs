var builder = DistributedApplication.CreateBuilder(args);

// Backing services: native processes locally, container images in the cluster.
var postgres = builder.AddPostgres("postgres").WithDataVolume();
var customersDb = postgres.AddDatabase("customersdb");
var ordersDb = postgres.AddDatabase("ordersdb");
builder.AddRedis("redis");
var rabbitmq = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume();
builder.AddMinioContainer("minio");

// Each service's schema is applied by a run-once resource: the service itself, run with "migrate".
var customersMigrations = builder.AddProject<Projects.Customers>("customers-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(customersDb)
    .WaitFor(customersDb);
var ordersMigrations = builder.AddProject<Projects.Orders>("orders-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(ordersDb)
    .WaitFor(ordersDb);

var customers = builder.AddProject<Projects.Customers>("customers")
    .WithReference(customersDb)
    .WithReference(rabbitmq)
    .WaitForCompletion(customersMigrations)
    .WaitFor(rabbitmq)
    .WithHttpHealthCheck("/health");

var orders = builder.AddProject<Projects.Orders>("orders")
    .WithReference(ordersDb)
    .WithReference(rabbitmq)
    .WaitForCompletion(ordersMigrations)
    .WaitFor(rabbitmq)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(customers)
    .WithReference(orders)
    .WaitFor(customers)
    .WaitFor(orders)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
