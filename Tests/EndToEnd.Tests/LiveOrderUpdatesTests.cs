using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>Live order updates from both notifications replicas: a WebSocket client on one, an SSE client on the other.</summary>
[Collection(nameof(StoreCollection))]
public sealed class LiveOrderUpdatesTests(StoreTopology store)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientsOfEachReplicaSeeTheirOrderGoFromPendingToApproved()
    {
        using var gateway = await GatewayClient.SignInAsync(store.App.CreateHttpClient("gateway"), Token);
        var accessToken = gateway.DefaultRequestHeaders.Authorization!.Parameter;
        var customerId = await PostAsync(gateway, "/api/customers", new { name = "Lin", creditLimit = 20m }, "customerId");
        var replicas = store.App.ResourceNotifications.Get("notifications")!.Replicas!.Select(r => new Uri(r.Urls[0])).ToList();
        Assert.Equal(2, replicas.Count);

        // Customers paused, the order stays PENDING until both clients are connected.
        await store.App.ResourceCommands.StopResourceAsync("customers");
        try
        {
            var orderId = (await PostAsync(gateway, "/api/orders", new { customerId, orderTotal = 5m }, "orderId")).ToString()!;
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{replicas[0].Authority}/ws/orders/{orderId}?access_token={accessToken}"), Token);
            using var sse = new HttpClient { BaseAddress = replicas[1] };
            sse.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var stream = new StreamReader(await sse.GetStreamAsync($"/sse/orders/{orderId}", Token));

            Assert.Equal("PENDING", await NextWebSocketStateAsync(socket));
            Assert.Equal("PENDING", await NextServerSentStateAsync(stream));

            await store.App.ResourceCommands.StartResourceAsync("customers");
            Assert.Equal("APPROVED", await NextWebSocketStateAsync(socket));
            Assert.Equal("APPROVED", await NextServerSentStateAsync(stream));
        }
        finally
        {
            await store.App.ResourceCommands.StartResourceAsync("customers");
        }
    }

    private static async Task<object> PostAsync(HttpClient gateway, string path, object body, string idProperty)
    {
        using var response = await gateway.PostAsJsonAsync(path, body, Token);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty(idProperty);
        return id.ValueKind == JsonValueKind.Number ? id.GetInt64() : id.GetString()!;
    }

    private static async Task<string> NextWebSocketStateAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)).RootElement.GetProperty("state").GetString()!;
    }

    private static async Task<string> NextServerSentStateAsync(StreamReader stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("state").GetString()!;
            }
        }
        throw new EndOfStreamException("The event stream ended before an order state arrived.");
    }
}
