using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

public sealed record InstrumentView(string Resource, string Name, string Unit, MetricKind Kind, IReadOnlyList<MetricPointView> Points)
{
    public static IEnumerable<InstrumentView> Group(IEnumerable<MetricPoint> points) =>
        points
            .GroupBy(p => (p.Resource, p.Instrument))
            .Select(g => new InstrumentView(
                g.Key.Resource, g.Key.Instrument, g.First().Unit, g.First().Kind, [.. g.Select(MetricPointView.From)]));
}
