using Parity.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Reference your service projects from this project, then declare them, e.g.:
// builder.AddProject<Projects.MyApi>("api").WithHttpHealthCheck("/health");

builder.Build().Run();
