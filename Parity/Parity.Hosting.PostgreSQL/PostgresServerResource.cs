namespace Parity.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: one <c>tcp</c> endpoint, a user and password, its databases, and Aspire's connection string format.</summary>
public class PostgresServerResource(string name, ParameterResource? userName, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DefaultUserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null for the default user <c>postgres</c>, which the connection string then holds as a literal.</summary>
    public ParameterResource? UserNameParameter { get; } = userName;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression UserNameReference =>
        UserNameParameter is null ? ReferenceExpression.Literal(DefaultUserName) : ReferenceExpression.Of(UserNameParameter);

    /// <summary>The databases declared with AddDatabase: resource name → database name.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserNameReference};Password={PasswordParameter}");

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
