using Parity.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// A secret the CLI must show masked, and a plain value it shows as is.
var token = builder.AddParameter("api-token", "cli-test-token", secret: true);
builder.AddProject<Projects.TestService>("api")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("API_TOKEN", token)
    .WithEnvironment("GREETING", "hello from the cli fixture");
builder.AddExecutable("sleeper", "sleep", ".", "300");

if (builder.Configuration["Parameters:fail"] == "true")
{
    builder.AddExecutable("broken", "parity-no-such-program", ".");
}

builder.Build().Run();
