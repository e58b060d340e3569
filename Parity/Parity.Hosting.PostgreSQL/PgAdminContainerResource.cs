using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Postgres;

/// <summary>pgAdmin 4, added by <c>WithPgAdmin</c>: one for the app, configured with every PostgreSQL server.</summary>
public sealed class PgAdminContainerResource(string name) : ContainerResource(name);
