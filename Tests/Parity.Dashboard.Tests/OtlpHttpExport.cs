using System.Net.Http.Headers;
using Google.Protobuf;

namespace Parity.Dashboard.Tests;

/// <summary>Sends OTLP/HTTP protobuf exports with the test API key, and fails the test unless they are accepted.</summary>
public static class OtlpHttpExport
{
    public static async Task SendAsync(string otlpHttpUrl, string path, IMessage message, string apiKey = RunningDashboard.ApiKey)
    {
        using var http = new HttpClient { BaseAddress = new Uri(otlpHttpUrl) };
        using var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("x-otlp-api-key", apiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
