using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service's <c>migrate</c> command: applies its schema and exits, without starting the web host. Run once before the
/// service: locally a run-once resource, in the cluster a Job.
/// </summary>
public static class SchemaMigration
{
    public const string Command = "migrate";

    /// <returns>The exit code: 0 once the schema is up to date, 1 with the reason printed when it cannot be.</returns>
    public static async Task<int> RunAsync(string service, Func<string> connectionString, Func<NpgsqlDataSource, CancellationToken, Task> apply)
    {
        try
        {
            await using var database = NpgsqlDataSource.Create(connectionString());
            await apply(database, CancellationToken.None);
            Console.WriteLine($"The {service} schema is up to date.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Migrating the {service} schema failed: {e.Message}");
            return 1;
        }
    }
}
