namespace Parity.Dashboard.Telemetry;

public readonly record struct ChartPoint(DateTimeOffset Time, double Value);
