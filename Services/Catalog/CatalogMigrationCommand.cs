using Npgsql;

namespace Catalog;

/// <summary><c>Catalog migrate</c>: applies <see cref="CatalogSchema"/> and exits, without starting the web host.</summary>
public static class CatalogMigrationCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        try
        {
            var connectionString = configuration.GetRequiredConnectionString("catalogdb", "its Postgres database");
            await using var database = NpgsqlDataSource.Create(connectionString);
            await CatalogSchema.ApplyAsync(database, CancellationToken.None);
            Console.WriteLine("The catalog schema is up to date.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Migrating the catalog schema failed: {e.Message}");
            return 1;
        }
    }
}
