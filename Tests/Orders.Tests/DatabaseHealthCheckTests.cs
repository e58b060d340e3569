using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Orders.Tests;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task A_database_that_does_not_answer_is_unhealthy()
    {
        // Nothing listens on port 1: the connection is refused at once.
        await using var unreachable = NpgsqlDataSource.Create("Host=localhost;Port=1;Username=postgres;Timeout=2");
        var check = new DatabaseHealthCheck(unreachable);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(OrdersDatabase.Name, check, HealthStatus.Unhealthy, tags: null) };

        var result = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
