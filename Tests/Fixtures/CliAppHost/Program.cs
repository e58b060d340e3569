using Parity.Hosting;
using Parity.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

// A secret the CLI must show masked, and a plain value it shows as is.
var token = builder.AddParameter("api-token", "cli-test-token", secret: true);
builder.AddProject<Projects.TestService>("api")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("API_TOKEN", token)
    .WithEnvironment("GREETING", "hello from the cli fixture");
builder.AddExecutable("sleeper", "sleep", ".", "300");
builder.AddExecutable("keeper", "sleep", ".", "301").WithLifetime(ContainerLifetime.Persistent);

if (builder.Configuration["Parameters:fail"] == "true")
{
    builder.AddExecutable("broken", "parity-no-such-program", ".");
}

builder.Build().Run();
