using Parity.Hosting;
using Parity.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
builder.AddExecutable("sleeper", "sleep", ".", "300");
builder.AddRedis("cache");
builder.AddPostgres("pg").AddDatabase("db");
builder.AddRabbitMQ("bus");
builder.AddMinioContainer("storage");

if (builder.Configuration["Parameters:persistent"] == "true")
{
    builder.AddExecutable("keeper", "sleep", ".", "301").WithLifetime(ContainerLifetime.Persistent);
}

if (builder.Configuration["Parameters:fail"] == "true")
{
    builder.AddExecutable("broken", "parity-no-such-program", ".");
}

builder.Build().Run();
