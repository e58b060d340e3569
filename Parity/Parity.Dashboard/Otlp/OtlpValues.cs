using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Parity.Dashboard.Protocol.Common;
using Parity.Dashboard.Protocol.Resource;

namespace Parity.Dashboard.Otlp;

/// <summary>Conversions from OTLP wire values to the plain values the store keeps.</summary>
public static class OtlpValues
{
    public const string UnknownResource = "unknown";

    public static string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } value
            ? ToText(value)
            : UnknownResource;

    /// <summary>The attributes as the store keeps them; of a repeated key the last value wins, as in a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(RepeatedField<KeyValue> attributes)
    {
        var pairs = attributes.Select(a => KeyValuePair.Create(SharedStrings.Share(a.Key), ToText(a.Value)));
        if (attributes.Count <= AttributeList.MaxLength)
        {
            return AttributeList.Of(pairs, attributes.Count);
        }

        var dictionary = new Dictionary<string, string>(attributes.Count);
        foreach (var (key, value) in pairs)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }

    public static string ToText(AnyValue? value) => SharedStrings.Share(value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {ToText(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => string.Empty,
    });

    /// <summary>Lower-case hex, or null for an absent (empty) id.</summary>
    public static string? ToHexId(ByteString id) => id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    public static DateTimeOffset FromUnixNanos(ulong nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));
}
