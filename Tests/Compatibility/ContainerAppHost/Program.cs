var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres")
    .WithDataVolume()
    .WithPgAdmin();
var appDb = postgres.AddDatabase("appdb");

var cache = builder.AddRedis("cache")
    .WithRedisInsight();

var grafana = builder.AddContainer("grafana", "grafana/grafana", "11.3.0")
    .WithImageRegistry("docker.io")
    .WithBindMount("../grafana/config", "/etc/grafana", isReadOnly: true)
    .WithVolume("grafana-data", "/var/lib/grafana")
    .WithHttpEndpoint(targetPort: 3000, name: "http")
    .WithEnvironment("GF_AUTH_ANONYMOUS_ENABLED", "true")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Grafana");

builder.AddContainer("seq", "datalust/seq")
    .WithImageTag("2024.3")
    .WithEnvironment("ACCEPT_EULA", "Y")
    .WithHttpEndpoint(targetPort: 80)
    .WithContainerRuntimeArgs("--memory", "512m")
    .WithLifetime(ContainerLifetime.Persistent);

builder.AddContainer("worker", "busybox", "1.36")
    .WithEntrypoint("/bin/sh")
    .WithArgs("-c", "while true; do sleep 5; done")
    .WithReference(appDb)
    .WaitFor(appDb);

builder.AddProject<Projects.TestService>("api")
    .WithReference(appDb).WaitFor(appDb)
    .WithReference(cache)
    .WithEnvironment("GRAFANA_URL", grafana.GetEndpoint("http"));

builder.Build().Run();
