using System.Diagnostics;
using System.Text;

namespace Store.Messaging.RabbitMQ;

/// <summary>W3C trace context in message headers, so one trace follows a request across RabbitMQ.</summary>
public static class MessageTracing
{
    public const string ActivitySourceName = "Store.Messaging";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>The current trace position as a <c>traceparent</c> value, to store with work done later (an outbox row).</summary>
    public static string? CurrentTraceParent() => Activity.Current?.Id;

    internal static void Inject(Activity? activity, IDictionary<string, object?> headers) =>
        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, key, value) =>
            ((IDictionary<string, object?>)carrier!)[key] = value);

    internal static ActivityContext Extract(IDictionary<string, object?>? headers)
    {
        if (headers is null)
        {
            return default;
        }
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (object? carrier, string name, out string? value, out IEnumerable<string>? values) =>
        {
            values = null;
            value = ((IDictionary<string, object?>)carrier!).TryGetValue(name, out var raw)
                ? raw switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string text => text, _ => null }
                : null;
        }, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, out var context) ? context : default;
    }
}
