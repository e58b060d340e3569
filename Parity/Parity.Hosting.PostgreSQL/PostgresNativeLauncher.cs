using System.Diagnostics;
using Npgsql;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Integrations.Postgres;

/// <summary>
/// Runs <c>postgres</c> on a cluster that <c>initdb</c> creates in the data directory on first use (kept when it is a
/// data volume). Ready once the password is accepted and every database declared with AddDatabase exists.
/// </summary>
internal sealed class PostgresNativeLauncher : INativeLauncher
{
    private const int FastShutdownSignal = 2; // SIGINT: ends sessions and stops at once, yet cleanly

    public async Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)context.Resource;
        var cluster = Path.Combine(context.DataDirectory, "pgdata");
        if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            await CreateClusterAsync(context, server, cluster, cancellationToken);
        }
        string[] args =
        [
            "-D", cluster,
            "-p", context.PortOf(PostgresServerResource.PrimaryEndpointName).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // No Unix socket: clients use TCP, and a socket path under a deep checkout exceeds the 107-byte limit, which is fatal.
            "-c", "unix_socket_directories=",
        ];
        return new ProcessSpec(PostgresInstallation.Program("postgres"), args, context.DataDirectory, context.Environment)
        {
            RunAsUser = context.RunAsUser,
            StopSignal = FastShutdownSignal,
            DeathSignal = "INT",
        };
    }

    public async Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)context.Resource;
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = context.PortOf(PostgresServerResource.PrimaryEndpointName),
            Username = context.Render(server.UserNameReference),
            Password = context.Render(server.PasswordParameter),
            Database = "postgres",
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await CreateMissingDatabasesAsync(connection, server.Databases.Values.Distinct(), cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false; // not accepting connections yet
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // stopping
        }
    }

    /// <summary>
    /// initdb into a staging folder renamed when complete, so an AppHost killed halfway never leaves a broken cluster
    /// in a data volume. As root it runs as the server's user, as the server itself does.
    /// </summary>
    private static async Task CreateClusterAsync(NativeLaunchContext context, PostgresServerResource server, string cluster, CancellationToken cancellationToken)
    {
        var staging = cluster + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        var passwordFile = Path.Combine(context.DataDirectory, "initdb.pwfile");
        WritePasswordFile(context, passwordFile, context.Render(server.PasswordParameter));
        try
        {
            string[] initdb =
            [
                PostgresInstallation.Program("initdb"), "-D", staging, "-U", context.Render(server.UserNameReference),
                "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C.UTF-8",
                .. context.IsPersistent ? Array.Empty<string>() : ["--no-sync"], // a temporary cluster is deleted at stop
            ];
            string[] command = context.RunAsUser is { } user
                ? ["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--", .. initdb]
                : initdb;
            var (exitCode, output) = await RunAsync(command, context.DataDirectory, cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException($"initdb failed for '{server.Name}' (exit code {exitCode}): {output.Trim()}");
            }
            Directory.Move(staging, cluster);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// Only the server's user may read the password. As root, that user owns the data directory (mode 0700) but cannot
    /// be given this file, so the file is readable by all, inside a folder only that user and root can enter.
    /// </summary>
    private static void WritePasswordFile(NativeLaunchContext context, string path, string password)
    {
        File.Delete(path);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (context.RunAsUser is not null)
        {
            mode |= UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }
        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.WriteLine(password);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] command, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task CreateMissingDatabasesAsync(NpgsqlConnection connection, IEnumerable<string> databases, CancellationToken cancellationToken)
    {
        var wanted = databases.ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname = ANY(@names)", connection))
        {
            query.Parameters.AddWithValue("names", wanted.ToArray());
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }
        foreach (var database in wanted.Where(d => !existing.Contains(d)))
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
