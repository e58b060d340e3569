namespace Orders;

/// <summary>Where orders keeps its data: the Postgres database named <c>ordersdb</c> in the AppHost.</summary>
public static class OrdersDatabase
{
    public const string Name = "ordersdb";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(Name)
        ?? throw new InvalidOperationException($"ConnectionStrings__{Name} is not set: orders needs its Postgres database.");
}
