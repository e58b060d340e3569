using Microsoft.Extensions.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache");

var weatherApi = builder.AddProject<Projects.TestService>("weatherapi")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// Node: a script run with node.
builder.AddNodeApp("frontend", "server.js", "../apps/node-frontend")
    .WithReference(weatherApi)
    .WithReference(cache)
    .WaitFor(weatherApi)
    .WithEnvironment("NODE_ENV", builder.Environment.IsDevelopment() ? "development" : "production")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .PublishAsDockerFile();

// npm: npm run start.
builder.AddNpmApp("spa", "../apps/npm-frontend")
    .WithReference(weatherApi)
    .WithEnvironment("BROWSER", "none")
    .WithHttpEndpoint(env: "PORT")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .PublishAsDockerFile();

// Aspire 13's form of a package script: the JavaScript app's run script.
builder.AddJavaScriptApp("spa-next", "../apps/npm-frontend")
    .WithRunScript("start")
    .WithReference(weatherApi)
    .WaitFor(weatherApi)
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .PublishAsDockerFile();

// Python: a script run with python3.
builder.AddPythonApp("python-api", "../apps/python-api", "main.py")
    .WithReference(weatherApi)
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .PublishAsDockerFile();

builder.Build().Run();
