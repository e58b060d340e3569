namespace Parity.Hosting.ApplicationModel;

/// <summary>A database inside a <see cref="PostgresServerResource"/>: no process of its own, its server's connection string plus <c>Database=</c>.</summary>
public class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    IResource IResourceWithParent.Parent => Parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
