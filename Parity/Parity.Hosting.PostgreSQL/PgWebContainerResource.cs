using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Postgres;

/// <summary>pgweb, added by <c>WithPgWeb</c>: a web client connected to a PostgreSQL server.</summary>
public sealed class PgWebContainerResource(string name) : ContainerResource(name)
{
    public EndpointReference PrimaryEndpoint => new(this, "http");
}
