using Npgsql;

namespace Parity.Hosting.Tests;

/// <summary>Talks to a PostgreSQL database an app runs, through the connection string the app gives its clients.</summary>
internal static class Sql
{
    public static async Task<NpgsqlDataSource> DatabaseOfAsync(DistributedApplication app, string name = "db") =>
        NpgsqlDataSource.Create(await app.GetConnectionStringAsync(name, TestContext.Current.CancellationToken) ?? "");

    public static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<object?> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
