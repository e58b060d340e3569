using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Yarp;

/// <summary>
/// Runs Parity's YARP host (shipped in this package under <c>parity/yarp/</c>) on loopback at the endpoint's port. Its
/// routes, clusters, service discovery and telemetry settings all come with the launch environment, as in the cluster.
/// Ready once its own health path answers.
/// </summary>
internal sealed class YarpNativeLauncher : INativeLauncher
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var host = ParityTools.PathOf(typeof(YarpNativeLauncher), YarpResource.Tool, YarpResource.EntryAssembly);
        // HTTP_PORTS would listen on every interface, as a container must; on this machine loopback is enough.
        var env = new Dictionary<string, string>(context.Environment);
        env.Remove("HTTP_PORTS");
        env["ASPNETCORE_URLS"] = string.Join(';', context.Resource.Endpoints().Where(e => e.UriScheme == "http")
            .Select(e => $"http://127.0.0.1:{context.PortOf(e.Name)}"));
        return Task.FromResult(new ProcessSpec("dotnet", [host], Path.GetDirectoryName(host)!, env));
    }

    public async Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        try
        {
            var url = $"http://127.0.0.1:{context.PortOf(YarpResource.PrimaryEndpointName)}{YarpResource.HealthPath}";
            using var response = await Http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // still starting: the client's own timeout
        }
    }
}
