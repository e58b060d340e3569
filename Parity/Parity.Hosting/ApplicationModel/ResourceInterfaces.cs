namespace Parity.Hosting.ApplicationModel;

public interface IResourceWithEnvironment : IResource;

public interface IResourceWithArgs : IResource;

public interface IResourceWithWaitSupport : IResource;

public interface IResourceWithEndpoints : IResource;

/// <summary>A resource whose endpoints other resources find through <c>services__name__endpoint__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource with a connection string; as a value (a hole in an expression) it stands for that connection string.</summary>
public interface IResourceWithConnectionString : IResource, IExpressionValue
{
    /// <summary>The connection string as an expression, rendered per target.</summary>
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>The configuration key under <c>ConnectionStrings</c>; defaults to the resource name.</summary>
    string? ConnectionStringEnvironmentVariable => null;

    string IExpressionValue.Render(IExpressionRenderer renderer) => renderer.ConnectionString(this);

    bool IExpressionValue.IsSecret => ConnectionStringExpression.IsSecret;

    IEnumerable<IResource> IExpressionValue.References => [this];
}

/// <summary>A resource that lives inside another (a database in its server): no process of its own, it is in its parent's state.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
