using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Parity.Dashboard.Tests;

/// <summary>The official OpenTelemetry .NET exporter, over both OTLP transports, into a real dashboard.</summary>
public sealed class OpenTelemetrySdkExportTests
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_logs_and_metrics_exported_by_the_sdk_are_served_by_the_json_api(OtlpExportProtocol protocol)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var serviceName = $"checkout-{protocol}";
        var scopeName = $"Parity.Dashboard.Tests.{protocol}";
        var resource = ResourceBuilder.CreateEmpty().AddService(serviceName);

        void Configure(OtlpExporterOptions options, string signalPath)
        {
            options.Protocol = protocol;
            options.Endpoint = protocol == OtlpExportProtocol.Grpc
                ? new Uri(dashboard.OtlpGrpcUrl)
                : new Uri(dashboard.OtlpHttpUrl + signalPath);
            options.Headers = $"x-otlp-api-key={RunningDashboard.ApiKey}";
        }

        using var source = new ActivitySource(scopeName);
        using var meter = new Meter(scopeName);
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(scopeName)
            .AddOtlpExporter(o => Configure(o, "/v1/traces"))
            .Build();
        using var meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(scopeName)
            .AddOtlpExporter(o => Configure(o, "/v1/metrics"))
            .Build();
        var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, "/v1/logs"));
        }));

        string traceId, parentId, childId;
        using (var parent = source.StartActivity("place order", ActivityKind.Server)!)
        {
            parent.SetTag("order.id", "42");
            using var child = source.StartActivity("charge card", ActivityKind.Client)!;
            child.SetTag("payment.provider", "acme");
            loggerFactory.CreateLogger("Checkout").LogWarning("Charged order {OrderId}", 42);
            (traceId, parentId, childId) = (parent.TraceId.ToHexString(), parent.SpanId.ToHexString(), child.SpanId.ToHexString());
        }

        var orders = meter.CreateCounter<long>("orders.placed", unit: "{order}");
        var latency = meter.CreateHistogram<double>("checkout.duration", unit: "ms");
        orders.Add(3);
        latency.Record(12.5);
        latency.Record(40);

        Assert.True(tracerProvider.ForceFlush(10_000));
        Assert.True(meterProvider.ForceFlush(10_000));
        loggerFactory.Dispose();

        using var client = dashboard.CreateFrontendClient();

        var traces = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/traces?resource={serviceName}", ct),
            t => t.GetArrayLength() == 1 && t[0].GetProperty("spans").GetArrayLength() == 2);
        var trace = Assert.Single(traces.EnumerateArray());
        Assert.Equal(traceId, trace.GetProperty("traceId").GetString());
        Assert.Equal("place order", trace.GetProperty("name").GetString());
        var spans = trace.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("spanId").GetString()!);
        Assert.Equal(JsonValueKind.Null, spans[parentId].GetProperty("parentSpanId").ValueKind);
        Assert.Equal(parentId, spans[childId].GetProperty("parentSpanId").GetString());
        Assert.Equal("42", spans[parentId].GetProperty("attributes").GetProperty("order.id").GetString());
        Assert.Equal("acme", spans[childId].GetProperty("attributes").GetProperty("payment.provider").GetString());
        Assert.All(spans.Values, s => Assert.Equal(serviceName, s.GetProperty("resource").GetString()));

        var logs = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/logs?resource={serviceName}&level=warning&text=order", ct),
            l => l.GetArrayLength() == 1);
        var log = Assert.Single(logs.EnumerateArray());
        Assert.Equal("Charged order 42", log.GetProperty("message").GetString());
        Assert.Equal(traceId, log.GetProperty("traceId").GetString());
        Assert.Equal(childId, log.GetProperty("spanId").GetString());
        Assert.Equal("42", log.GetProperty("attributes").GetProperty("OrderId").GetString());

        var metrics = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/metrics?resource={serviceName}", ct),
            m => m.GetArrayLength() >= 2);
        var instruments = metrics.EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        var counterPoint = instruments["orders.placed"].GetProperty("points")[0];
        Assert.Equal("Sum", instruments["orders.placed"].GetProperty("kind").GetString());
        Assert.Equal(3, counterPoint.GetProperty("value").GetDouble());
        var histogramPoint = instruments["checkout.duration"].GetProperty("points")[0];
        Assert.Equal("Histogram", instruments["checkout.duration"].GetProperty("kind").GetString());
        Assert.Equal("ms", instruments["checkout.duration"].GetProperty("unit").GetString());
        Assert.Equal(2UL, histogramPoint.GetProperty("count").GetUInt64());
        Assert.Equal(52.5, histogramPoint.GetProperty("sum").GetDouble());
        Assert.True(histogramPoint.GetProperty("bucketCounts").GetArrayLength() > 1);
    }
}
