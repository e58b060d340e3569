using Google.Protobuf;
using Google.Protobuf.Collections;
using Parity.Dashboard.Otlp;
using Parity.Dashboard.Protocol.Collector.Trace;
using Parity.Dashboard.Protocol.Common;

namespace Parity.Dashboard.Tests;

public sealed class OtlpAttributeTests
{
    [Fact]
    public void Attributes_read_as_a_dictionary_where_a_repeated_key_keeps_its_last_value()
    {
        var attributes = Attributes(("http.request.method", "GET"), ("url.path", "/a"), ("http.request.method", "POST"));

        var map = OtlpValues.ToDictionary(attributes);

        Assert.Equal(2, map.Count);
        Assert.Equal("POST", map["http.request.method"]);
        Assert.True(map.TryGetValue("url.path", out var path));
        Assert.Equal("/a", path);
        Assert.False(map.ContainsKey("missing"));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Equal(["http.request.method", "url.path"], map.Keys);
    }

    [Fact]
    public void Many_attributes_are_all_kept_and_found()
    {
        var attributes = Attributes([.. Enumerable.Range(0, 20).Select(n => ($"key{n}", $"value{n}")), ("key3", "last")]);

        var map = OtlpValues.ToDictionary(attributes);

        Assert.Equal(20, map.Count);
        Assert.Equal("last", map["key3"]);
        Assert.Equal("value19", map["key19"]);
    }

    [Fact]
    public void A_key_and_a_span_name_received_again_are_kept_once()
    {
        var marker = Guid.NewGuid().ToString("N");
        var request = OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(7), name: $"GET /api/{marker}");
        request.ResourceSpans[0].ScopeSpans[0].Spans[0].Attributes.Add(Attributes(($"key.{marker}", "value")));
        var bytes = request.ToByteArray();

        // Two arrivals of the same bytes: the parser makes new strings for each.
        var first = Assert.Single(SpanMapper.Map(ExportTraceServiceRequest.Parser.ParseFrom(bytes)));
        var second = Assert.Single(SpanMapper.Map(ExportTraceServiceRequest.Parser.ParseFrom(bytes)));

        Assert.Same(first.Name, second.Name);
        Assert.Same(first.Attributes.Keys.Single(), second.Attributes.Keys.Single());
    }

    private static RepeatedField<KeyValue> Attributes(params (string Key, string Value)[] pairs)
    {
        var field = new RepeatedField<KeyValue>();
        field.Add(pairs.Select(p => new KeyValue { Key = p.Key, Value = new AnyValue { StringValue = p.Value } }));
        return field;
    }
}
