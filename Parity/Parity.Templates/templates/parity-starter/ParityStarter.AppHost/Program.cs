using Parity.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Locally a native PostgreSQL server (no Docker); in the cluster the postgres image.
var postgres = builder.AddPostgres("postgres").WithDataVolume();
var db = postgres.AddDatabase("db");

// The API applies its schema once ("migrate"), before it starts: a run-once resource here, a Job in the cluster.
var migrations = builder.AddProject<Projects.ParityStarter_Api>("api-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(db)
    .WaitFor(db);

builder.AddProject<Projects.ParityStarter_Api>("api")
    .WithReference(db)
    .WaitForCompletion(migrations)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
