using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Postgres;

namespace Parity.Hosting;

/// <summary>
/// pgAdmin and pgweb: containers run with docker or podman (Aspire's images), given the servers through their launch
/// description, like any container. Locally they share the host's network: each is told the port it must listen on.
/// </summary>
public static partial class PostgresBuilderExtensions
{
    private const string PgAdminServersVariable = "PARITY_PGADMIN_SERVERS";
    private const string PgAdminServersFile = "/tmp/servers.json";

    /// <summary>pgAdmin 4 (<c>dpage/pgadmin4:8.12</c>), signed in, with every PostgreSQL server declared so far registered.</summary>
    public static IResourceBuilder<T> WithPgAdmin<T>(
        this IResourceBuilder<T> builder, Action<IResourceBuilder<PgAdminContainerResource>>? configureContainer = null, string? containerName = null)
        where T : PostgresServerResource
    {
        var app = builder.ApplicationBuilder;
        var pgAdmin = app.Resources.OfType<PgAdminContainerResource>().SingleOrDefault() is { } existing
            ? app.CreateResourceBuilder(existing)
            : app.AddResource(new PgAdminContainerResource(containerName ?? "pgadmin"))
                .WithImage("dpage/pgadmin4", "8.12")
                .WithImageRegistry("docker.io")
                .ExcludeFromManifest() // a development tool, as in Aspire: not published
                .WithHttpEndpoint(targetPort: 80, name: "http", env: "PGADMIN_LISTEN_PORT")
                // Desktop mode: no sign-in, and the servers' passwords come from the file below (as Aspire does).
                .WithEnvironment("PGADMIN_CONFIG_MASTER_PASSWORD_REQUIRED", "False")
                .WithEnvironment("PGADMIN_CONFIG_SERVER_MODE", "False")
                .WithEnvironment("PGADMIN_DEFAULT_EMAIL", "admin@domain.com")
                .WithEnvironment("PGADMIN_DEFAULT_PASSWORD", "admin")
                .WithEnvironment("PGADMIN_SERVER_JSON_FILE", PgAdminServersFile)
                // The servers file is written from a variable (it holds passwords: a secret, never a file of the AppHost's).
                .WithEntrypoint("/bin/sh")
                .WithArgs("-c", $"printf '%s' \"${PgAdminServersVariable}\" > {PgAdminServersFile} && exec /entrypoint.sh")
                .WithHttpHealthCheck("/browser/");
        pgAdmin.WithEnvironment(PgAdminServersVariable, PgAdminServers(app.Resources.OfType<PostgresServerResource>()));
        configureContainer?.Invoke(pgAdmin);
        return builder;
    }

    /// <summary>
    /// pgweb (<c>sosedoff/pgweb:0.16.1</c>) connected to the server's <c>postgres</c> database, from which its UI switches
    /// to the others (databases may be added after this call).
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> WithPgWeb(
        this IResourceBuilder<PostgresServerResource> builder, Action<IResourceBuilder<PgWebContainerResource>>? configureContainer = null, string? containerName = null)
    {
        var app = builder.ApplicationBuilder;
        if (app.Resources.OfType<PgWebContainerResource>().SingleOrDefault() is { } existing)
        {
            configureContainer?.Invoke(app.CreateResourceBuilder(existing));
            return builder;
        }
        var server = builder.Resource;
        var pgWeb = app.AddResource(new PgWebContainerResource(containerName ?? "pgweb"))
            .WithImage("sosedoff/pgweb", "0.16.1")
            .WithImageRegistry("docker.io")
            .ExcludeFromManifest() // a development tool, as in Aspire: not published
            .WithHttpEndpoint(targetPort: 8081, name: "http");
        pgWeb.WithArgs("--bind=0.0.0.0", ReferenceExpression.Create($"--listen={pgWeb.Resource.PrimaryEndpoint.TargetPort}"))
            .WithEnvironment("DATABASE_URL", ReferenceExpression.Create(
                $"postgres://{server.UserNameReference}:{server.PasswordParameter}@{server.PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}/postgres?sslmode=disable"))
            .WithHttpHealthCheck();
        configureContainer?.Invoke(pgWeb);
        return builder;
    }

    /// <summary>pgAdmin's servers.json: one entry per server, its password given by a command, as pgAdmin's desktop mode allows.</summary>
    private static ReferenceExpression PgAdminServers(IEnumerable<PostgresServerResource> servers)
    {
        var entries = ReferenceExpression.Empty;
        var index = 0;
        foreach (var server in servers)
        {
            index++;
            var entry = ReferenceExpression.Create(
                $"\"{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}\":{{\"Name\":\"{server.Name}\",\"Group\":\"Servers\",\"Host\":\"{server.PrimaryEndpoint.Host}\",\"Port\":{server.PrimaryEndpoint.Port},\"Username\":\"{server.UserNameReference}\",\"SSLMode\":\"prefer\",\"MaintenanceDB\":\"postgres\",\"PasswordExecCommand\":\"echo '{server.PasswordParameter}'\"}}");
            entries = index == 1 ? entry : ReferenceExpression.Create($"{entries},{entry}");
        }
        return ReferenceExpression.Create($"{{\"Servers\":{{{entries}}}}}");
    }
}
