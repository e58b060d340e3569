using Parity.Hosting;
using Parity.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

// As AppHost/Program.cs declares it, so that it starts the same way.
builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume().WithLifetime(ContainerLifetime.Persistent);

builder.Build().Run();
