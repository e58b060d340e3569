namespace Parity.Dashboard.Resources;

/// <param name="Replica">Which replica wrote the line (0-based) when the resource runs several; null otherwise.</param>
public sealed record ConsoleLineView(string Resource, int? Replica, DateTimeOffset Timestamp, string Text, bool IsError);
