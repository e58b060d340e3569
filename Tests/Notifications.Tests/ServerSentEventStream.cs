using System.Net.Http.Headers;
using System.Text;

namespace Notifications.Tests;

/// <summary>A text/event-stream response read event by event, as an EventSource would.</summary>
public sealed class ServerSentEventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public HttpResponseMessage Response => response;

    public static async Task<ServerSentEventStream> OpenAsync(Uri url, string? bearerToken, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new ServerSentEventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8));
    }

    /// <summary>The next event (comments skipped), or null when the server ended the stream.</summary>
    public async Task<(string Name, string Data)?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (name ?? "message", string.Join('\n', data));
                }
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
        return null;
    }

    public async Task<ReceivedOrderState> ReadOrderStateAsync(CancellationToken cancellationToken)
    {
        var received = await ReadEventAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
        Assert.Equal(OrderStateServerSentEvents.EventName, received.Name);
        return ReceivedOrderState.Parse(received.Data);
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
