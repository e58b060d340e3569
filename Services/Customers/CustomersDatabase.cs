namespace Customers;

/// <summary>Where customers keeps its data: the Postgres database named <c>customersdb</c> in the AppHost.</summary>
public static class CustomersDatabase
{
    public const string Name = "customersdb";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(Name)
        ?? throw new InvalidOperationException($"ConnectionStrings__{Name} is not set: customers needs its Postgres database.");
}
