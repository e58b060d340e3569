var builder = DistributedApplication.CreateBuilder(args);

var db1 = builder.AddPostgres("pg1").AddDatabase("db1");

var migration = builder.AddProject<Projects.TestService>("migration")
       .WithReference(db1)
       .WaitFor(db1)
       .WithEnvironment("EXIT_AFTER_MS", "200");

builder.AddProject<Projects.TestService>("api")
       .WithReference(db1)
       .WaitForCompletion(migration)
       .WithHttpHealthCheck("/health");

builder.Build().Run();
