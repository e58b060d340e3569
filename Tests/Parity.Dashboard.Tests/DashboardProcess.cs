using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Parity.Dashboard.Tests;

/// <summary>The built dashboard as a child process, started with arguments and stopped by SIGTERM, as the AppHost does.</summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly string DllPath = typeof(DashboardProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "parity.dashboard.path").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output;

    private DashboardProcess(Process process, StringBuilder output, string otlpHttpUrl, string frontendUrl)
    {
        _process = process;
        _output = output;
        OtlpHttpUrl = otlpHttpUrl;
        FrontendUrl = frontendUrl;
    }

    public string OtlpHttpUrl { get; }

    public string FrontendUrl { get; }

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

    public static async Task<DashboardProcess> StartAsync(params string[] arguments)
    {
        var (grpc, http, frontend) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { DllPath, $"--Dashboard:OtlpGrpcUrl={grpc}", $"--Dashboard:OtlpHttpUrl={http}", $"--Dashboard:FrontendUrl={frontend}" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Dashboard__OtlpApiKey"] = RunningDashboard.ApiKey;
        info.Environment["Dashboard__BrowserToken"] = RunningDashboard.BrowserToken;
        var output = new StringBuilder();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var dashboard = new DashboardProcess(process, output, http, frontend);
        using var client = new HttpClient { BaseAddress = new Uri(frontend) };
        var healthy = await Eventually.GetAsync(() => IsHealthyAsync(client), ok => ok || process.HasExited, TimeSpan.FromSeconds(60));
        if (!healthy)
        {
            await dashboard.DisposeAsync();
            Assert.Fail($"The dashboard did not become healthy:\n{dashboard.Output}");
        }

        return dashboard;
    }

    public HttpClient CreateFrontendClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(FrontendUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", RunningDashboard.BrowserToken);
        return client;
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
