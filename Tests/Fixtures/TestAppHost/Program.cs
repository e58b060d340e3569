using Parity.Hosting;

// args[0]: the state folder; the rest is configuration (e.g. --Parameters:fail=true).
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args[1..], RandomizePorts = true, StateDirectory = args[0] });

var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(api);
builder.AddExecutable("sleeper", "sleep", ".", "300");

if (builder.Configuration["Parameters:fail"] == "true")
{
    builder.AddExecutable("broken", "parity-no-such-program", ".");
}

builder.Build().Run();
