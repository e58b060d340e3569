using Npgsql;

namespace Orders;

/// <summary><c>Orders migrate</c>: applies <see cref="OrdersSchema"/> and exits, without starting the web host.</summary>
public static class OrdersMigrationCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        try
        {
            await using var database = NpgsqlDataSource.Create(OrdersDatabase.ConnectionString(configuration));
            await OrdersSchema.ApplyAsync(database, CancellationToken.None);
            Console.WriteLine("The orders schema is up to date.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Migrating the orders schema failed: {e.Message}");
            return 1;
        }
    }
}
