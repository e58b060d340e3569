using System.Diagnostics;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Parity.Dashboard.Protocol.Collector.Trace;

/// <summary>Concurrent senders exporting span batches for a fixed time; counts the spans the dashboard accepted.</summary>
static class OtlpLoad
{
    public const int SpansPerBatch = 512;

    public sealed record Result(long AcceptedSpans, TimeSpan Elapsed, string LastTraceId)
    {
        public double SpansPerSecond => AcceptedSpans / Elapsed.TotalSeconds;
    }

    public static async Task<Result> OverHttpAsync(DashboardChild dashboard, int senders, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.OtlpHttpUrl) };
        return await RunAsync(senders, duration, async request =>
        {
            using var content = new ByteArrayContent(request.ToByteArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = content };
            message.Headers.Add("x-otlp-api-key", DashboardChild.ApiKey);
            using var response = await http.SendAsync(message);
            return response.IsSuccessStatusCode;
        });
    }

    public static async Task<Result> OverGrpcAsync(DashboardChild dashboard, int senders, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress(dashboard.OtlpGrpcUrl);
        var client = new TraceService.TraceServiceClient(channel);
        var headers = new Metadata { { "x-otlp-api-key", DashboardChild.ApiKey } };
        return await RunAsync(senders, duration, async request =>
        {
            await client.ExportAsync(request, headers);
            return true;
        });
    }

    private static async Task<Result> RunAsync(int senders, TimeSpan duration, Func<ExportTraceServiceRequest, Task<bool>> send)
    {
        long accepted = 0;
        var lastTraceId = "";
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var (request, last) = OtlpBatches.Spans(SpansPerBatch);
                if (await send(request))
                {
                    Interlocked.Add(ref accepted, SpansPerBatch);
                    if (sender == 0)
                    {
                        lastTraceId = last;
                    }
                }
            }
        })));
        return new Result(accepted, clock.Elapsed, lastTraceId);
    }
}
