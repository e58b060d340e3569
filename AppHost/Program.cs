using Parity.Hosting.Kubernetes;

var builder = DistributedApplication.CreateBuilder(args);

// Backing services: native processes locally, container images in the cluster. Postgres and RabbitMQ are persistent:
// they outlive the AppHost, so the next run adopts them in an instant (stop them with: parity stop --persistent).
var postgres = builder.AddPostgres("postgres").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
var customersDb = postgres.AddDatabase("customersdb");
var ordersDb = postgres.AddDatabase("ordersdb");
var catalogDb = postgres.AddDatabase("catalogdb");
var redis = builder.AddRedis("redis");
var rabbitmq = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
var minio = builder.AddMinioContainer("minio").WithDataVolume();
// Tokens: locally the gateway issues them, signed with this key; in the cluster an OpenID Connect provider does (WithTokenIssuer).
var jwtSigningKey = builder.AddParameter("jwt-signing-key", new GenerateParameterDefault { MinLength = 48 }, secret: true);
var oidcAuthority = builder.AddParameter("oidc-authority", "https://login.example.com/realms/store", publishValueAsDefault: true);
var oidcAudience = builder.AddParameter("oidc-audience", "store", publishValueAsDefault: true);
var gatewayPermitsPerSecond = builder.AddParameter("gateway-permits-per-second", "200", publishValueAsDefault: true);
var gatewayMaxBodyBytes = builder.AddParameter("gateway-max-request-body-bytes", "1048576", publishValueAsDefault: true);

// Each service's schema is applied by a run-once resource: the service itself, run with "migrate".
var customersMigrations = builder.AddProject<Projects.Customers>("customers-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(customersDb)
    .WaitFor(customersDb);
var ordersMigrations = builder.AddProject<Projects.Orders>("orders-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(ordersDb)
    .WaitFor(ordersDb);
var catalogMigrations = builder.AddProject<Projects.Catalog>("catalog-migrations", o => o.ExcludeLaunchProfile = true)
    .WithArgs("migrate")
    .WithReference(catalogDb)
    .WaitFor(catalogDb);

var customers = builder.AddProject<Projects.Customers>("customers")
    .WithReference(customersDb)
    .WithReference(rabbitmq)
    .WaitForCompletion(customersMigrations)
    .WaitFor(rabbitmq)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var orders = builder.AddProject<Projects.Orders>("orders")
    .WithReference(ordersDb)
    .WithReference(rabbitmq)
    .WaitForCompletion(ordersMigrations)
    .WaitFor(rabbitmq)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var catalog = builder.AddProject<Projects.Catalog>("catalog")
    .WithReference(catalogDb)
    .WithReference(redis)
    .WithReference(minio)
    .WaitForCompletion(catalogMigrations)
    .WaitFor(redis)
    .WaitFor(minio)
    .WithHttpHealthCheck("/health")
    .PublishWithAutoscaling(minReplicas: 2, maxReplicas: 6)
    // In the cluster: catalog-blue and catalog-green; `parity promote catalog` switches the Service to the idle colour.
    .PublishWithStrategy(DeploymentStrategy.BlueGreen());

var notifications = builder.AddProject<Projects.Notifications>("notifications")
    .WithReference(redis)
    .WithReference(rabbitmq)
    .WithTokenIssuer(jwtSigningKey, oidcAuthority, oidcAudience)
    .WaitFor(redis)
    .WaitFor(rabbitmq)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

// A service in JavaScript: run with node and npm locally (packages installed on first run), its Dockerfile's image in the cluster.
// It asks customers per request only, so it starts beside customers rather than after it.
var recommendations = builder.AddNpmApp("recommendations", "../Services/Recommendations")
    .WithNpmPackageInstallation(useCI: true)
    .WithReference(redis)
    .WithReference(rabbitmq)
    .WithReference(customers)
    .WaitFor(redis)
    .WaitFor(rabbitmq)
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/health")
    .PublishAsDockerFile();

// The gateway starts beside the services, as eShop's web app does: locally each service's endpoint holds a request until
// a process serves it; in the cluster, a request to a service with no ready pod is answered 502 meanwhile.
builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(customers)
    .WithReference(orders)
    .WithReference(catalog)
    .WithReference(notifications)
    .WithReference(recommendations)
    .WithTokenIssuer(jwtSigningKey, oidcAuthority, oidcAudience)
    .WithEnvironment("RateLimiting__PermitsPerSecond", gatewayPermitsPerSecond)
    .WithEnvironment("RequestLimits__MaxBodyBytes", gatewayMaxBodyBytes)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    // In the cluster: gateway and gateway-canary; `parity promote gateway` steps the canary's share 5, 25, 50, 100%.
    .PublishWithStrategy(DeploymentStrategy.Canary(weight: 5));

builder.Build().Run();
