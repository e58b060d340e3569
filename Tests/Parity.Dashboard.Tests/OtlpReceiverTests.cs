using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Parity.Dashboard.Protocol.Collector.Trace;

namespace Parity.Dashboard.Tests;

public sealed class OtlpReceiverTests
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> ExportTraces = new(
        MethodType.Unary,
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "Export",
        Marshallers.Create(m => m.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
        Marshallers.Create(m => m.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

    [Fact]
    public async Task Grpc_export_without_the_api_key_is_unauthenticated_and_with_it_is_stored()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var channel = GrpcChannel.ForAddress(dashboard.OtlpGrpcUrl);
        var invoker = channel.CreateCallInvoker();
        var ct = TestContext.Current.CancellationToken;

        var rejected = await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(ExportTraces, null, new CallOptions(cancellationToken: ct), OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(1))));
        Assert.Equal(StatusCode.Unauthenticated, rejected.StatusCode);

        var wrongKey = new Metadata { { "x-otlp-api-key", "wrong" } };
        var alsoRejected = await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(ExportTraces, null, new CallOptions(wrongKey, cancellationToken: ct), OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(1))));
        Assert.Equal(StatusCode.Unauthenticated, alsoRejected.StatusCode);

        var key = new Metadata { { "x-otlp-api-key", RunningDashboard.ApiKey } };
        await invoker.AsyncUnaryCall(ExportTraces, null, new CallOptions(key, cancellationToken: ct), OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(2)));

        using var client = dashboard.CreateFrontendClient();
        var traces = await client.GetFromJsonAsync<JsonElement>("/api/traces", ct);
        Assert.Equal(OtlpRequests.TraceId(2), Assert.Single(traces.EnumerateArray()).GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Http_export_checks_the_api_key_content_type_and_body()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.OtlpHttpUrl) };
        var ct = TestContext.Current.CancellationToken;
        var body = OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(7)).ToByteArray();

        using var noKey = await http.SendAsync(Post("/v1/traces", body, "application/x-protobuf", apiKey: null), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        using var json = await http.SendAsync(Post("/v1/traces", body, "application/json"), ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var garbage = await http.SendAsync(Post("/v1/traces", [0xff, 0xff, 0xff, 0xff], "application/x-protobuf"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        using var chunked = Post("/v1/traces", body, "application/x-protobuf");
        chunked.Headers.TransferEncodingChunked = true;
        using var accepted = await http.SendAsync(chunked, ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/x-protobuf", accepted.Content.Headers.ContentType?.MediaType);
        var reply = ExportTraceServiceResponse.Parser.ParseFrom(await accepted.Content.ReadAsByteArrayAsync(ct));
        Assert.Null(reply.PartialSuccess);
    }

    [Fact]
    public async Task Otlp_http_paths_are_served_only_on_the_otlp_http_listener()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        using var frontend = dashboard.CreateFrontendClient();
        var body = OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(3)).ToByteArray();

        using var response = await frontend.SendAsync(Post("/v1/traces", body, "application/x-protobuf"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unsecured_otlp_mode_accepts_exports_without_a_key()
    {
        await using var dashboard = await RunningDashboard.StartAsync(new Dictionary<string, string?> { ["Dashboard:OtlpAuthMode"] = "Unsecured" });
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.OtlpHttpUrl) };
        var body = OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(4)).ToByteArray();

        using var response = await http.SendAsync(Post("/v1/traces", body, "application/x-protobuf", apiKey: null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Storage_keeps_only_the_newest_traces_up_to_the_cap()
    {
        await using var dashboard = await RunningDashboard.StartAsync(new Dictionary<string, string?> { ["Dashboard:MaxTraces"] = "3" });
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.OtlpHttpUrl) };
        var ct = TestContext.Current.CancellationToken;

        for (var n = 1; n <= 8; n++)
        {
            var body = OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(n)).ToByteArray();
            using var response = await http.SendAsync(Post("/v1/traces", body, "application/x-protobuf"), ct);
            response.EnsureSuccessStatusCode();
        }

        using var client = dashboard.CreateFrontendClient();
        var traces = await client.GetFromJsonAsync<JsonElement>("/api/traces?limit=100", ct);
        var ids = traces.EnumerateArray().Select(t => t.GetProperty("traceId").GetString()).ToHashSet();
        Assert.Equal([OtlpRequests.TraceId(6), OtlpRequests.TraceId(7), OtlpRequests.TraceId(8)], ids.Order());
    }

    private static HttpRequestMessage Post(string path, byte[] body, string contentType, string? apiKey = RunningDashboard.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        return request;
    }
}
