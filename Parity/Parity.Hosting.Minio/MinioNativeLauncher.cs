using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Integrations.Minio;

/// <summary>
/// Runs the real <c>minio</c> server when it is on PATH (no OS package ships it); otherwise Parity.S3, which
/// speaks the same protocol with real SigV4 checks. Ready once a signed ListBuckets succeeds.
/// </summary>
internal sealed class MinioNativeLauncher : INativeLauncher
{
    private static readonly string? MinioBinary = ExecutableLocator.Find("minio");
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var minio = (MinioContainerResource)context.Resource;
        var address = $"127.0.0.1:{context.PortOf(MinioContainerResource.PrimaryEndpointName)}";
        // The root user and password come with the launch environment (MINIO_ROOT_USER, MINIO_ROOT_PASSWORD), as in the cluster.
        var env = new Dictionary<string, string>(context.Environment);
        if (MinioBinary is not null)
        {
            return Task.FromResult(new ProcessSpec(MinioBinary, ["server", context.DataDirectory, "--address", address], context.DataDirectory, env));
        }

        env["S3__DataDirectory"] = context.DataDirectory;
        return Task.FromResult(new ProcessSpec("dotnet", [ParityTools.PathOf(typeof(MinioNativeLauncher), "s3", "Parity.S3.dll"), "--urls", $"http://{address}"], context.DataDirectory, env));
    }

    public async Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var minio = (MinioContainerResource)context.Resource;
        var endpoint = new Uri($"http://127.0.0.1:{context.PortOf(MinioContainerResource.PrimaryEndpointName)}/");
        using var request = S3RequestSigner.Sign(HttpMethod.Get, endpoint, context.Render(minio.RootUser), context.Render(minio.PasswordParameter));
        try
        {
            using var response = await Http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }
}
