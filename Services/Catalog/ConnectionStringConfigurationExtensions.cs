namespace Catalog;

public static class ConnectionStringConfigurationExtensions
{
    /// <summary>The connection string <paramref name="name"/>, or an error that says which variable is missing and why it matters.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name, string neededFor) =>
        configuration.GetConnectionString(name) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"ConnectionStrings__{name} is not set: catalog needs {neededFor}.");
}
