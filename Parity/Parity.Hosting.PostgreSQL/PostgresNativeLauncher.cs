using System.Diagnostics;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Integrations.Postgres;

/// <summary>
/// Runs <c>postgres</c> on a cluster that <c>initdb</c> creates in the data directory on first use (kept when it is a
/// data volume). Ready once the password is accepted and every database declared with AddDatabase exists, which
/// <c>psql</c> of the same installation checks: a native client costs the AppHost milliseconds where a .NET client's
/// first connection costs a quarter of a second of compiling, in every run.
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
        try
        {
            var (exitCode, databases) = await PsqlAsync(context, server, "SELECT datname FROM pg_database", cancellationToken);
            if (exitCode != 0)
            {
                return false; // not accepting connections yet
            }
            var existing = databases.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var database in server.Databases.Values.Distinct().Except(existing, StringComparer.Ordinal))
            {
                if ((await PsqlAsync(context, server, $"CREATE DATABASE {QuoteIdentifier(database)}", cancellationToken)).ExitCode != 0)
                {
                    return false;
                }
            }
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // stopping
        }
    }

    /// <summary>
    /// One statement through psql as the server's user; its rows, one per line. The password goes in the environment,
    /// never on the command line, and the caller's own PG* variables (a PGSSLMODE, a PGSERVICE) are left out.
    /// </summary>
    private static async Task<(int ExitCode, string Rows)> PsqlAsync(
        NativeLaunchContext context, PostgresServerResource server, string statement, CancellationToken cancellationToken)
    {
        string[] command =
        [
            PostgresInstallation.Program("psql"), "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--no-password",
            "--set=ON_ERROR_STOP=1", "--host=127.0.0.1", $"--port={context.PortOf(PostgresServerResource.PrimaryEndpointName)}",
            $"--username={context.Render(server.UserNameReference)}", "--dbname=postgres", $"--command={statement}",
        ];
        var environment = new Dictionary<string, string?>
        {
            ["PGPASSWORD"] = context.Render(server.PasswordParameter),
            ["PGCONNECT_TIMEOUT"] = "5",
        };
        var (exitCode, output, _) = await RunAsync(command, context.DataDirectory, environment, cancellationToken);
        return (exitCode, output);
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
            var (exitCode, output, errors) = await RunAsync(command, context.DataDirectory, new Dictionary<string, string?>(), cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException($"initdb failed for '{server.Name}' (exit code {exitCode}): {(output + errors).Trim()}");
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

    /// <param name="environment">Variables set for the command; every other PG* variable is removed.</param>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string[] command, string workingDirectory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in info.Environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(inherited);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
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
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
