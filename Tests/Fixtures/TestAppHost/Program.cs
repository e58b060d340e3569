using Parity.Hosting;

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, RandomizePorts = true, StateDirectory = args[0] });

var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
builder.AddExecutable("sleeper", "sleep", ".", "300");

builder.Build().Run();
