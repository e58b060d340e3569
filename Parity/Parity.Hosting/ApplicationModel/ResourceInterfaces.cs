namespace Parity.Hosting.ApplicationModel;

public interface IResourceWithEnvironment : IResource;

public interface IResourceWithArgs : IResource;

public interface IResourceWithWaitSupport : IResource;

public interface IResourceWithEndpoints : IResource;

/// <summary>A resource whose endpoints other resources find through <c>services__name__endpoint__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string as an expression, rendered per target.</summary>
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>The configuration key under <c>ConnectionStrings</c>; defaults to the resource name.</summary>
    string? ConnectionStringEnvironmentVariable => null;
}

/// <summary>A resource that lives inside another (a database in its server): no process of its own, it is in its parent's state.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
