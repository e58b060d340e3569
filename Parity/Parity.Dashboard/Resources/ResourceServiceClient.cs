using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Resources;

/// <summary>
/// The AppHost's resources, read from its resource service: keeps the NDJSON resource stream open, reconnecting
/// with a capped backoff when the AppHost is not up yet or the stream drops (the whole list is replaced by what the
/// new stream sends); opens a console stream per watcher; forwards commands.
/// </summary>
public sealed class ResourceServiceClient : BackgroundService, IResourceSource
{
    public const string ApiKeyHeader = "x-resource-service-api-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient? _http;
    private readonly ILogger<ResourceServiceClient> _logger;
    private readonly Lock _gate = new();
    private OrderedDictionary<string, ResourceView> _byName = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<ResourceView> _resources = [];
    private bool _connected;

    public ResourceServiceClient(DashboardOptions options, ILogger<ResourceServiceClient> logger)
    {
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(options.ResourceServiceUrl))
        {
            // Streams stay open for the whole run, so no overall timeout; only connecting is bounded.
            var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };
            _http = new HttpClient(handler) { BaseAddress = new Uri(options.ResourceServiceUrl.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.Add(ApiKeyHeader, options.ResourceServiceApiKey ?? "");
        }
    }

    public bool IsConfigured => _http is not null;

    public bool IsConnected => Volatile.Read(ref _connected);

    public IReadOnlyList<ResourceView> Resources => Volatile.Read(ref _resources);

    public event Action? Changed;

    /// <summary>
    /// Ends quietly when the resource is unknown or the AppHost goes away; throws <see cref="HttpRequestException"/>
    /// when the AppHost cannot be reached.
    /// </summary>
    public async IAsyncEnumerable<ConsoleLineView> WatchConsoleAsync(string resource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_http is null)
        {
            yield break;
        }
        var path = $"resources/{Uri.EscapeDataString(resource)}/console";
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            yield break;
        }
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await ReadLineAsync(reader, cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<ConsoleLineView>(line, Json) is { } view)
            {
                yield return view;
            }
        }
    }

    public async Task ExecuteCommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        if (_http is null)
        {
            throw new ResourceCommandException("This dashboard runs without an AppHost: there is no resource to command.");
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync($"resources/{Uri.EscapeDataString(resource)}/commands/{Uri.EscapeDataString(command)}", null, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ResourceCommandException($"The AppHost did not answer: {e.Message}");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var reason = await ProblemDetailOf(response, cancellationToken);
                throw new ResourceCommandException(reason ?? $"The AppHost refused '{command}' on '{resource}' ({(int)response.StatusCode}).");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_http is null)
        {
            return;
        }
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowResourcesAsync(_http, backoff, stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException
                || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested)) // a connect timeout
            {
                _logger.LogDebug("Resource stream from the AppHost unavailable: {Reason}", e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            SetConnected(false);
            await Task.Delay(backoff.Next(), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _http?.Dispose();
    }

    private async Task FollowResourcesAsync(HttpClient http, ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        using var response = await http.GetAsync("resources", HttpCompletionOption.ResponseHeadersRead, stoppingToken);
        if (!response.IsSuccessStatusCode)
        {
            _logger.LogWarning(
                "The AppHost's resource service refused the dashboard ({Status}): is Dashboard:ResourceServiceApiKey right?", (int)response.StatusCode);
            return;
        }
        backoff.Reset();
        SetConnected(true);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stoppingToken));
        var first = true;
        while (await reader.ReadLineAsync(stoppingToken) is { } line)
        {
            if (line.Length == 0 || JsonSerializer.Deserialize<ResourceView>(line, Json) is not { } view)
            {
                continue;
            }
            lock (_gate)
            {
                if (first)
                {
                    // A new stream starts with every current resource: what the previous one knew is replaced, not merged.
                    _byName = new(StringComparer.OrdinalIgnoreCase);
                    first = false;
                }
                _byName[view.Name] = view;
                Volatile.Write(ref _resources, [.. _byName.Values]);
            }
            RaiseChanged();
        }
    }

    private void SetConnected(bool connected)
    {
        if (Volatile.Read(ref _connected) != connected)
        {
            Volatile.Write(ref _connected, connected);
            RaiseChanged();
        }
    }

    /// <summary>A failing subscriber (a page) must not break the stream every page depends on.</summary>
    private void RaiseChanged()
    {
        try
        {
            Changed?.Invoke();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A subscriber to resource changes failed.");
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (IOException)
        {
            return null; // the AppHost went away: the console ends here
        }
    }

    private static async Task<string?> ProblemDetailOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<ProblemDetails>(Json, cancellationToken))?.Detail;
        }
        catch (JsonException)
        {
            return null; // not problem details: the caller reports the status instead
        }
    }
}
