using System.Text.Json.Serialization;

namespace Parity.Dashboard.Storage;

/// <summary>How records are written to and read from the storage file's <c>json</c> columns.</summary>
// Named literals because metric values and durations may be NaN or infinite; enums as names so that reordering one
// does not change what stored rows mean; a row of another record shape fails to read rather than yield nulls.
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SpanRecord))]
[JsonSerializable(typeof(LogEntry))]
[JsonSerializable(typeof(MetricPoint))]
public sealed partial class StoredTelemetryJson : JsonSerializerContext;
