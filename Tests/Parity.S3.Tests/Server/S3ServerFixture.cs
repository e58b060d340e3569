using System.Diagnostics;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Minio;

namespace Parity.S3.Tests.Server;

/// <summary>
/// A real Parity.S3 process on a loopback port with its own temporary data directory, started once per test class,
/// so the clients talk to it over real HTTP exactly as an application would.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string AccessKey = "parity-test-user";
    public const string SecretKey = "parity-test-secret-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private TaskCompletionSource<Uri> listening = new();
    private Process? process;

    public Uri Endpoint { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("parity-s3-tests-").FullName;

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public ValueTask InitializeAsync() => new(StartAsync());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Stops the server and starts a new one on the same data directory (on a new port).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>The AWS SDK with default settings, only pointed at this server path-style.</summary>
    public AmazonS3Client CreateAwsClient(string? secretKey = null, string? accessKey = null, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonS3Client(new BasicAWSCredentials(accessKey ?? AccessKey, secretKey ?? SecretKey), config);
    }

    /// <summary>The MinIO SDK with default settings.</summary>
    public IMinioClient CreateMinioClient(string? secretKey = null, HttpClient? httpClient = null)
    {
        var client = new MinioClient().WithEndpoint(Endpoint.Host, Endpoint.Port).WithCredentials(AccessKey, secretKey ?? SecretKey);
        if (httpClient is not null)
        {
            client = client.WithHttpClient(httpClient);
        }

        return client.Build();
    }

    public static string NewBucketName() => "t-" + Guid.NewGuid().ToString("N")[..20];

    private async Task StartAsync()
    {
        listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Port 0: the server picks a free port and reports it, so parallel test classes never race for one.
        foreach (var argument in new[] { ServerAssembly.Path, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["S3__DataDirectory"] = DataDirectory;
        start.Environment["S3__AccessKey"] = AccessKey;
        start.Environment["S3__SecretKey"] = SecretKey;

        var started = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process = started;
        var exited = listening;
        started.OutputDataReceived += (_, line) => Record(line.Data);
        started.ErrorDataReceived += (_, line) => Record(line.Data);
        started.EnableRaisingEvents = true;
        started.Exited += (_, _) => exited.TrySetException(new InvalidOperationException($"Parity.S3 exited early:\n{Output}"));
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        Endpoint = await listening.Task.WaitAsync(StartTimeout);
        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(Endpoint, "/minio/health/ready"));
        ready.EnsureSuccessStatusCode();
    }

    private async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        const string marker = "Now listening on: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + marker.Length)..].Trim()));
        }
    }
}
