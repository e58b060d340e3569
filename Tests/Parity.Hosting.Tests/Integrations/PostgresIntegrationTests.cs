using Npgsql;
using Parity.Hosting.Integrations.Postgres;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests.Integrations;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // PostgreSQL runs as its own user, reaching a folder by its Unix mode
public sealed class PostgresIntegrationTests
{
    [Fact]
    public async Task ServesADatabaseThroughTheInjectedConnectionStringAndRefusesAWrongPassword()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddPostgres("pg").AddDatabase("db", "orders");
        builder.AddProject<Projects.TestService>("api").WithReference(db).WaitFor(db);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var api = await app.WaitForAsync("api", s => s.State == ResourceState.Running);
        Assert.Equal(ResourceState.Healthy, app.ResourceNotifications.Get("db")!.State);
        var serverConnectionString = await app.GetConnectionStringAsync("pg", TestContext.Current.CancellationToken) ?? "";
        var connectionString = await app.GetConnectionStringAsync("db", TestContext.Current.CancellationToken) ?? "";
        Assert.Matches(@"^Host=localhost;Port=\d+;Username=postgres;Password=\w{22}$", serverConnectionString);
        Assert.Equal($"{serverConnectionString};Database=orders", connectionString);
        Assert.Equal(connectionString, await TestApp.GetAsync($"{api.Urls![0]}/env/ConnectionStrings__db"));

        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            Assert.Equal("orders", await Sql.ScalarAsync(database, "SELECT current_database()"));
            await Sql.ExecuteAsync(database, "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
            await Sql.ExecuteAsync(database, "INSERT INTO items VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");
            Assert.Equal("apple,pear,plum", await Sql.ScalarAsync(database, "SELECT string_agg(name, ',' ORDER BY id) FROM items"));
        }

        var wrongPassword = serverConnectionString[..(serverConnectionString.LastIndexOf('=') + 1)] + "wrong;Database=orders";
        await using var refused = NpgsqlDataSource.Create(wrongPassword);
        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ScalarAsync(refused, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task ADataVolumeKeepsTheDataAcrossRunsWhileARunWithoutOneStartsEmpty()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            await using (var first = await StartAsync(state, withDataVolume: true))
            {
                await using var database = await Sql.DatabaseOfAsync(first);
                await Sql.ExecuteAsync(database, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('kept')");
            }
            Assert.True(File.Exists(Path.Combine(state, "volumes", "pg-data", "pgdata", "PG_VERSION")));

            await using (var second = await StartAsync(state, withDataVolume: true))
            {
                await using var database = await Sql.DatabaseOfAsync(second);
                Assert.Equal("kept", await Sql.ScalarAsync(database, "SELECT text FROM notes"));
            }

            await using (var withoutVolume = await StartAsync(state, withDataVolume: false))
            {
                await using var database = await Sql.DatabaseOfAsync(withoutVolume);
                var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ScalarAsync(database, "SELECT text FROM notes"));
                Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task ADataVolumeStartedWithAnotherPasswordFailsWithTheFixInTheMessage()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            await (await StartAsync(state, withDataVolume: true)).DisposeAsync();

            var builder = CreateBuilder(state, withDataVolume: true);
            builder.Configuration["Parameters:pg-password"] = "another-password";
            await using var app = builder.Build();
            await app.StartAsync(TestApp.Timeout());

            var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.WaitForHealthyAsync("db"));
            Assert.Contains("was created with another password", error.Message);
            Assert.Contains("'Parameters:pg-password'", error.Message);
            Assert.Equal(ResourceState.FailedToStart, app.ResourceNotifications.Get("pg")!.State);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void TheModelHasAspireConnectionStringsAndAServiceUsingADatabaseStopsBeforeItsServer()
    {
        var builder = DistributedApplication.CreateBuilder(args: []);
        var server = builder.AddPostgres("pg").WithDataVolume();
        var db = server.AddDatabase("db", "orders");
        var api = builder.AddProject<Projects.TestService>("api").WithReference(db).WaitFor(db);

        Assert.Equal(["pg-password", "pg", "db", "api"], builder.Resources.Select(r => r.Name));
        Assert.Same(server.Resource, ((IResourceWithParent)db.Resource).Parent);
        Assert.Equal("orders", server.Resource.Databases["db"]);
        Assert.Equal(
            "Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=postgres;Password={pg-password.value}",
            server.Resource.ConnectionStringExpression.Render(ManifestExpressionRenderer.Instance));
        Assert.Equal("{pg.connectionString};Database=orders", db.Resource.ConnectionStringExpression.Render(ManifestExpressionRenderer.Instance));
        Assert.Equal(new ContainerImageAnnotation("postgres", "15"), server.Resource.AnnotationsOf<ContainerImageAnnotation>().Single());
        Assert.Equal(new VolumeAnnotation("pg-data", "/var/lib/postgresql/data"), server.Resource.AnnotationsOf<VolumeAnnotation>().Single());

        var model = new DistributedApplicationModel([.. builder.Resources]);
        var stopOrder = new DependencyGraph(model).StopOrder([server.Resource, api.Resource]).Select(round => round.Single().Name);
        Assert.Equal(["api", "pg"], stopOrder);
    }

    private static IDistributedApplicationBuilder CreateBuilder(string state, bool withDataVolume)
    {
        var builder = TestApp.CreateBuilder(state);
        var server = builder.AddPostgres("pg");
        if (withDataVolume)
        {
            server.WithDataVolume();
        }
        server.AddDatabase("db");
        return builder;
    }

    private static async Task<DistributedApplication> StartAsync(string state, bool withDataVolume)
    {
        var app = CreateBuilder(state, withDataVolume).Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("db");
        return app;
    }
}
