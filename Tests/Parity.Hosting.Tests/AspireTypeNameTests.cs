using Parity.Hosting.Postgres;
using Parity.Hosting.Python;
using Parity.Hosting.Redis;
using Parity.Hosting.Yarp;

namespace Parity.Hosting.Tests;

/// <summary>
/// Each resource type lives in Aspire's namespace with Parity for Aspire, so swapping an AppHost's using lines is all it
/// takes, and is not sealed where Aspire's is not, so an AppHost's own subclasses compile.
/// </summary>
public sealed class AspireTypeNameTests
{
    public static TheoryData<Type, string, bool> ResourceTypes => new()
    {
        { typeof(ContainerResource), "Aspire.Hosting.ApplicationModel.ContainerResource", false },
        { typeof(ExecutableResource), "Aspire.Hosting.ApplicationModel.ExecutableResource", false },
        { typeof(ProjectResource), "Aspire.Hosting.ApplicationModel.ProjectResource", false },
        { typeof(ParameterResource), "Aspire.Hosting.ApplicationModel.ParameterResource", false },
        { typeof(ConnectionStringResource), "Aspire.Hosting.ApplicationModel.ConnectionStringResource", true },
        { typeof(PostgresServerResource), "Aspire.Hosting.ApplicationModel.PostgresServerResource", false },
        { typeof(PostgresDatabaseResource), "Aspire.Hosting.ApplicationModel.PostgresDatabaseResource", false },
        { typeof(RedisResource), "Aspire.Hosting.ApplicationModel.RedisResource", false },
        { typeof(RabbitMQServerResource), "Aspire.Hosting.ApplicationModel.RabbitMQServerResource", false },
        { typeof(MinioContainerResource), "Aspire.Hosting.ApplicationModel.MinioContainerResource", true },
        { typeof(PgAdminContainerResource), "Aspire.Hosting.Postgres.PgAdminContainerResource", true },
        { typeof(PgWebContainerResource), "Aspire.Hosting.Postgres.PgWebContainerResource", true },
        { typeof(RedisCommanderResource), "Aspire.Hosting.Redis.RedisCommanderResource", false },
        { typeof(RedisInsightResource), "Aspire.Hosting.Redis.RedisInsightResource", false },
        { typeof(YarpResource), "Aspire.Hosting.Yarp.YarpResource", false },
        { typeof(NodeAppResource), "Aspire.Hosting.NodeAppResource", false },
        { typeof(PythonAppResource), "Aspire.Hosting.Python.PythonAppResource", false },
        { typeof(UvicornAppResource), "Aspire.Hosting.Python.UvicornAppResource", false },
    };

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void AResourceTypeHasAspiresNameAndIsOpenWhereAspiresIs(Type type, string aspireName, bool sealedInAspire)
    {
        Assert.Equal("Parity." + aspireName["Aspire.".Length..], type.FullName);
        Assert.True(sealedInAspire || !type.IsSealed, $"{type.Name} is sealed; Aspire's is not");
    }
}
