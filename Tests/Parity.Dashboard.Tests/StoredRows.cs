using Microsoft.Data.Sqlite;

namespace Parity.Dashboard.Tests;

/// <summary>Reads what a dashboard's storage file holds, as a later dashboard would find it.</summary>
public static class StoredRows
{
    /// <param name="column">A column of the table, counted distinct (<c>trace_id</c> counts traces); <c>*</c> counts rows.</param>
    public static long Count(string databasePath, string table, string runId, string column = "*")
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = column == "*"
            ? $"SELECT COUNT(*) FROM {table} WHERE run_id = $run"
            : $"SELECT COUNT(DISTINCT {column}) FROM {table} WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        return (long)command.ExecuteScalar()!;
    }
}
