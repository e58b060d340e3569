using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

/// <summary>The built dashboard as a child process on free ports, with a known API key and browser token.</summary>
sealed class DashboardChild : IAsyncDisposable
{
    public const string ApiKey = "bench-otlp-key";
    private const string BrowserToken = "bench-browser-token";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardChild(Process process, string grpc, string http, string frontend)
    {
        _process = process;
        OtlpGrpcUrl = grpc;
        OtlpHttpUrl = http;
        Frontend = new HttpClient { BaseAddress = new Uri(frontend) };
        Frontend.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserToken);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string OtlpGrpcUrl { get; }

    public string OtlpHttpUrl { get; }

    public HttpClient Frontend { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="serverGc">The web SDK's default; false runs the workstation collector, which holds fewer heaps.</param>
    public static async Task<DashboardChild> StartAsync(string dll, string? storagePath, bool serverGc)
    {
        var (grpc, http, frontend) = (Url(), Url(), Url());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // A request log line per export would measure the console, not the dashboard.
        string[] arguments = [dll, $"--Dashboard:OtlpGrpcUrl={grpc}", $"--Dashboard:OtlpHttpUrl={http}", $"--Dashboard:FrontendUrl={frontend}",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning"];
        foreach (var argument in storagePath is null ? arguments : [.. arguments, $"--Dashboard:StoragePath={storagePath}"])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Dashboard__OtlpApiKey"] = ApiKey;
        info.Environment["Dashboard__BrowserToken"] = BrowserToken;
        info.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var child = new DashboardChild(Process.Start(info)!, grpc, http, frontend);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await child.IsHealthyAsync())
        {
            if (child._process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The dashboard did not start:\n{child.Output}");
            }

            await Task.Delay(100);
        }

        return child;
    }

    /// <summary>VmRSS: the memory the process holds resident, in MiB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>SIGTERM, as the AppHost stops it; waits for the exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Frontend.Dispose();
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            return (await Frontend.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
