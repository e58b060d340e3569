using System.Globalization;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Docker;

/// <summary>
/// A service's <c>healthcheck:</c>, from what its resource declares. A backing service runs its image's own check
/// (<see cref="HealthCheckCommandAnnotation"/>: <c>pg_isready</c>, <c>redis-cli ping</c>, ...). A process whose image the
/// AppHost builds (a project, an app from its Dockerfile, a program Parity ships, the dashboard) is asked its HTTP
/// health path from inside its container with bash alone, since the .NET images (and the Node images' Debian variants)
/// have bash but neither curl nor wget. A resource that runs once, or declares nothing to ask, has none.
/// </summary>
internal static class ComposeHealthchecks
{
    public static ComposeHealthcheck? Of(IResource resource, bool runsOnce)
    {
        if (runsOnce)
        {
            return null;
        }
        if (resource.TryGetLastAnnotation<HealthCheckCommandAnnotation>(out var command))
        {
            // The container's shell expands its variables ($POSTGRES_USER), so Compose must leave each $ alone.
            return Check(["CMD-SHELL", command.ShellCommand.Replace("$", "$$", StringComparison.Ordinal)]);
        }
        return HttpCheckOf(resource) is var (endpoint, path, status)
            ? Check(["CMD", "bash", "-c", HttpCommand(PublishedPorts.ContainerPortOf(resource, endpoint), path, status)])
            : null;
    }

    /// <summary>The endpoint, path and status to ask for, or null when the resource's image is not one the AppHost builds.</summary>
    private static (EndpointAnnotation Endpoint, string Path, int Status)? HttpCheckOf(IResource resource)
    {
        var builtImage = resource is ProjectResource or DashboardResource
            || resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _) || resource.AnnotationsOf<ToolImageAnnotation>().Any();
        if (!builtImage)
        {
            return null;
        }
        var declared = resource.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault();
        var endpoint = declared is not null
            ? resource.Endpoints().FirstOrDefault(e => e.Name == declared.EndpointName)
            : resource.Endpoints().FirstOrDefault(e => e.UriScheme == "http");
        // bash speaks plain HTTP only: an HTTPS-only process is not asked.
        if (endpoint is null || endpoint.UriScheme != "http")
        {
            return null;
        }
        var path = resource switch
        {
            DashboardResource => DashboardResource.HealthPath,
            _ when resource.TryGetLastAnnotation<ProbesAnnotation>(out var probes) => probes.ReadinessPath,
            _ when declared is not null => declared.Path,
            // ServiceDefaults maps /health (the process and its dependencies answer), which the cluster's readiness probe asks too.
            ProjectResource => "/health",
            _ => null,
        };
        return path is null ? null : (endpoint, path, declared?.StatusCode ?? 200);
    }

    /// <summary>One HTTP/1.1 request over bash's /dev/tcp; healthy when the status line has the expected code.</summary>
    private static string HttpCommand(int port, string path, int status) =>
        $"exec 3<>/dev/tcp/127.0.0.1/{port.ToString(CultureInfo.InvariantCulture)} "
        + $"&& printf 'GET {path.Replace("%", "%%", StringComparison.Ordinal)} HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 "
        + $"&& head -n 1 <&3 | grep -q ' {status.ToString(CultureInfo.InvariantCulture)} '";

    private static ComposeHealthcheck Check(List<string> test) => new(test, Interval: "10s", Timeout: "5s", Retries: 6, StartPeriod: "10s");
}
