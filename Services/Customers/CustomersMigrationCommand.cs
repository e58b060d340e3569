using Npgsql;

namespace Customers;

/// <summary><c>Customers migrate</c>: applies <see cref="CustomersSchema"/> and exits, without starting the web host.</summary>
public static class CustomersMigrationCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        try
        {
            await using var database = NpgsqlDataSource.Create(CustomersDatabase.ConnectionString(configuration));
            await CustomersSchema.ApplyAsync(database, CancellationToken.None);
            Console.WriteLine("The customers schema is up to date.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Migrating the customers schema failed: {e.Message}");
            return 1;
        }
    }
}
