namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// How the resource's container image tells it is ready, as a shell command run inside the container that exits 0 when
/// it is (Postgres's <c>pg_isready</c>, Redis's <c>redis-cli ping</c>): a publisher of a container runtime's file, such as
/// Compose's <c>healthcheck:</c>, runs it. The container's environment is the command's, so a password is read from a
/// variable, never written into the command.
/// </summary>
public sealed record HealthCheckCommandAnnotation(string ShellCommand) : IResourceAnnotation;
