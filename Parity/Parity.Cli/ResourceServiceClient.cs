using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parity.Cli;

/// <summary>
/// Talks to a running AppHost's resource service (loopback HTTP, NDJSON streams), at the URL and with the key run.json
/// gives; the same service the dashboard reads.
/// </summary>
internal sealed class ResourceServiceClient : IDisposable
{
    private const string ApiKeyHeader = "x-resource-service-api-key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public ResourceServiceClient(ResourceServiceInfo service)
    {
        // Console streams stay open as long as the user follows them.
        _http = new HttpClient { BaseAddress = new Uri(service.Url), Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(ApiKeyHeader, service.ApiKey);
    }

    /// <summary>The client of the AppHost running from this state folder; fails clearly when none runs.</summary>
    public static ResourceServiceClient For(AppHostProject project)
    {
        var run = RunState.ReadLive(project.RunFile) ?? throw NotRunning();
        return new ResourceServiceClient(run.ResourceService
            ?? throw new CliException("The running AppHost does not record its resource service in run.json: update its Parity.Hosting package."));
    }

    public static CliException NotRunning() => new("No AppHost is running here.");

    public async Task<IReadOnlyList<ResourceView>> GetResourcesAsync(CancellationToken token)
    {
        var resources = new List<ResourceView>();
        await foreach (var resource in ReadLinesAsync<ResourceView>("resources?watch=false", token))
        {
            resources.Add(resource);
        }
        return resources;
    }

    public IAsyncEnumerable<ConsoleLineView> ConsoleAsync(string resource, bool follow, CancellationToken token) =>
        ReadLinesAsync<ConsoleLineView>($"resources/{Uri.EscapeDataString(resource)}/console?follow={(follow ? "true" : "false")}", token);

    public async Task ExecuteAsync(string resource, string command, CancellationToken token)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"resources/{Uri.EscapeDataString(resource)}/commands/{Uri.EscapeDataString(command)}"),
            HttpCompletionOption.ResponseContentRead, token);
    }

    public void Dispose() => _http.Dispose();

    private async IAsyncEnumerable<T> ReadLinesAsync<T>(string path, [EnumeratorCancellation] CancellationToken token)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead, token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<T>(line, Json)!;
            }
        }
    }

    /// <summary>Sends a request; an answer other than success becomes the service's own explanation.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken token)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, token);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"The AppHost's resource service at {_http.BaseAddress} did not answer: {e.Message}");
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var detail = await ProblemDetailOf(response, token);
            throw new CliException(response.StatusCode == HttpStatusCode.Unauthorized
                ? "The AppHost's resource service refused the key in run.json."
                : detail ?? $"The AppHost's resource service answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    private static async Task<string?> ProblemDetailOf(HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsStringAsync(token);
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return body.Length > 0 ? body : null; // not problem details: show what came
        }
    }
}
