namespace Parity.Dashboard.Telemetry;

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
