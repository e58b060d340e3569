using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Integrations.Postgres;

namespace Parity.Hosting;

public static partial class PostgresBuilderExtensions
{
    /// <summary>PostgreSQL 15: locally <c>postgres</c> (Debian package postgresql), in the cluster the <c>postgres:15</c> image.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? userName = null, IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var server = new PostgresServerResource(name, userName?.Resource, builder.ParameterOrGenerated(password, name, "password"));
        return builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: 5432, scheme: "tcp", name: PostgresServerResource.PrimaryEndpointName)
            // What the postgres image needs in the cluster (as in Aspire's manifest); locally the launcher gives initdb the same.
            .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
            .WithEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256")
            .WithEnvironment("POSTGRES_USER", server.UserNameReference)
            .WithEnvironment("POSTGRES_PASSWORD", ReferenceExpression.Of(server.PasswordParameter))
            .WithAnnotation(new PostgresNativeLauncher())
            .WithAnnotation(new RequiredBinaryAnnotation(PostgresInstallation.Program("postgres"), "apt-get install postgresql"))
            .WithAnnotation(new RequiredBinaryAnnotation(PostgresInstallation.Program("psql"), "apt-get install postgresql"))
            .WithAnnotation(new ContainerImageAnnotation("postgres", PostgresInstallation.MajorVersion))
            // Over TCP: while the image initialises its data directory, the server it runs listens on the socket alone.
            .WithAnnotation(new HealthCheckCommandAnnotation("pg_isready -h 127.0.0.1 -U \"$POSTGRES_USER\" -d postgres"))
            .WithAnnotation(new LocalVersionAnnotation(() => PostgresInstallation.InstalledMajorVersion))
            .WithAnnotation(new RunAsUserAnnotation("postgres"))
            // The postgres image runs these scripts once, when it initialises an empty data directory.
            .WithAnnotation(new ContainerFilesAnnotation("initdb", "/docker-entrypoint-initdb.d", () => server.Databases.Count == 0
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["create-databases.sql"] = CreateDatabasesScript(server) }));
    }

    /// <summary>A database the server creates when it first starts; <c>ConnectionStrings__&lt;name&gt;</c> for those referencing it.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(name, database.DatabaseName);
        return builder.ApplicationBuilder.AddResource(database);
    }

    private static string CreateDatabasesScript(PostgresServerResource server) =>
        string.Concat(server.Databases.Values.Order(StringComparer.Ordinal).Select(database => $"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\";\n"));

    /// <summary>Keeps the cluster (its databases and their data) across runs.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(
        this IResourceBuilder<PostgresServerResource> builder, string? name = null, bool isReadOnly = false) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? $"{builder.Resource.Name}-data", "/var/lib/postgresql/data", isReadOnly));
}
