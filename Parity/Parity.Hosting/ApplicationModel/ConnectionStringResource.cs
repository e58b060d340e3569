namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A connection string composed in the AppHost from other values (<c>AddConnectionString(name, expression)</c>):
/// nothing runs for it; each target renders its expression.
/// </summary>
public class ConnectionStringResource(string name, ReferenceExpression connectionStringExpression)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public ReferenceExpression ConnectionStringExpression { get; } = connectionStringExpression;
}
