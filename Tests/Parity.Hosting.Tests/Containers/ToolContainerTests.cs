using Parity.Hosting.Postgres;
using Parity.Hosting.Publishing;
using Parity.Hosting.Redis;

namespace Parity.Hosting.Tests.Containers;

/// <summary>pgAdmin, pgweb, Redis Commander and Redis Insight: containers that get their servers through the launch description.</summary>
public sealed class ToolContainerTests
{
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    [Fact]
    public void OnePgAdminServesEveryServerAndItsPasswordsAreSecret()
    {
        _builder.AddPostgres("pg1").WithPgAdmin();
        _builder.AddPostgres("pg2").WithPgAdmin(pgAdmin => pgAdmin.WithEnvironment("EXTRA", "1"));

        var pgAdmin = Assert.Single(_builder.Resources.OfType<PgAdminContainerResource>());
        Assert.Equal("pgadmin", pgAdmin.Name);
        Assert.Equal("docker.io/dpage/pgadmin4:8.12", pgAdmin.AnnotationsOf<ContainerImageAnnotation>().Single().Reference);
        var launch = Launch(pgAdmin);
        var servers = launch.Environment["PARITY_PGADMIN_SERVERS"];
        Assert.True(servers.IsSecret);
        Assert.Equal(
            "{\"Servers\":{\"1\":{\"Name\":\"pg1\",\"Group\":\"Servers\",\"Host\":\"{pg1.bindings.tcp.host}\",\"Port\":{pg1.bindings.tcp.port},"
            + "\"Username\":\"postgres\",\"SSLMode\":\"prefer\",\"MaintenanceDB\":\"postgres\",\"PasswordExecCommand\":\"echo '{pg1-password.value}'\"},"
            + "\"2\":{\"Name\":\"pg2\",\"Group\":\"Servers\",\"Host\":\"{pg2.bindings.tcp.host}\",\"Port\":{pg2.bindings.tcp.port},"
            + "\"Username\":\"postgres\",\"SSLMode\":\"prefer\",\"MaintenanceDB\":\"postgres\",\"PasswordExecCommand\":\"echo '{pg2-password.value}'\"}}}",
            Render(servers));
        Assert.Equal("{pgadmin.bindings.http.targetPort}", Render(launch.Environment["PGADMIN_LISTEN_PORT"]));
        Assert.Equal("1", Render(launch.Environment["EXTRA"]));
    }

    [Fact]
    public void PgWebConnectsToTheServerAndListensWhereItIsTold()
    {
        var pg = _builder.AddPostgres("pg").WithPgWeb();
        pg.AddDatabase("orders");

        var pgWeb = Assert.Single(_builder.Resources.OfType<PgWebContainerResource>());
        var launch = Launch(pgWeb);
        Assert.Equal("postgres://postgres:{pg-password.value}@{pg.bindings.tcp.host}:{pg.bindings.tcp.port}/postgres?sslmode=disable",
            Render(launch.Environment["DATABASE_URL"]));
        Assert.Equal(["--bind=0.0.0.0", "--listen={pgweb.bindings.http.targetPort}"], launch.Args.Select(Render));
    }

    [Fact]
    public void RedisToolsAreToldEveryServer()
    {
        _builder.AddRedis("cache").WithRedisCommander().WithRedisInsight();
        _builder.AddRedis("sessions").WithRedisCommander().WithRedisInsight();

        var commander = Launch(Assert.Single(_builder.Resources.OfType<RedisCommanderResource>()));
        Assert.Equal(
            "cache:{cache.bindings.tcp.host}:{cache.bindings.tcp.port}:0:{cache-password.value},"
            + "sessions:{sessions.bindings.tcp.host}:{sessions.bindings.tcp.port}:0:{sessions-password.value}",
            Render(commander.Environment["REDIS_HOSTS"]));
        var insight = Assert.Single(_builder.Resources.OfType<RedisInsightResource>());
        Assert.Equal("redisinsight", insight.Name); // one for every server, named as Aspire names it
        Assert.True(insight.IsExcludedFromManifest()); // a development tool
        var environment = Launch(insight).Environment;
        Assert.Equal("{sessions.bindings.tcp.port}", Render(environment["RI_REDIS_PORT2"]));
        Assert.True(environment["RI_REDIS_PASSWORD1"].IsSecret);
    }

    private LaunchDescription Launch(IResource resource) =>
        LaunchDescription.Of(resource, new DistributedApplicationModel([.. _builder.Resources]), new EnvironmentContext(EnvironmentTarget.Manifest));

    private static string Render(ReferenceExpression expression) => expression.Render(ManifestExpressionRenderer.Instance);
}
