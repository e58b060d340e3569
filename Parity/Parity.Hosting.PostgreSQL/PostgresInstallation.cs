namespace Parity.Hosting.Integrations.Postgres;

/// <summary>
/// Where this machine's PostgreSQL programs are. Debian and Ubuntu keep them per major version under
/// /usr/lib/postgresql, off PATH; other systems put them on PATH.
/// </summary>
internal static class PostgresInstallation
{
    /// <summary>The major version the cluster's image runs; preferred locally when several are installed, so both agree.</summary>
    public const string MajorVersion = "15";

    private const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string? BinDirectory = FindDebianBinDirectory();

    /// <summary>The major version found under /usr/lib/postgresql, or null when the programs are on PATH instead.</summary>
    public static string? InstalledMajorVersion => BinDirectory is null ? null : Path.GetFileName(Path.GetDirectoryName(BinDirectory));

    /// <summary>A PostgreSQL program (<c>postgres</c>, <c>initdb</c>) by full path, or by name for a PATH lookup.</summary>
    public static string Program(string name) => BinDirectory is null ? name : Path.Combine(BinDirectory, name);

    private static string? FindDebianBinDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }
        return Directory.GetDirectories(DebianRoot)
            .Where(version => File.Exists(Path.Combine(version, "bin", "postgres")))
            .OrderByDescending(version => Path.GetFileName(version) == MajorVersion)
            .ThenByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
            .Select(version => Path.Combine(version, "bin"))
            .FirstOrDefault();
    }
}
