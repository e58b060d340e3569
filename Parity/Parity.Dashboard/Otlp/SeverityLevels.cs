namespace Parity.Dashboard.Otlp;

/// <summary>Level names and the lowest OTLP severity number of each level.</summary>
public static class SeverityLevels
{
    private static readonly (string Name, int Lowest)[] Levels =
    [
        ("Trace", 1),
        ("Debug", 5),
        ("Information", 9),
        ("Warning", 13),
        ("Error", 17),
        ("Critical", 21),
    ];

    private static readonly Dictionary<string, int> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = 1,
        ["debug"] = 5,
        ["info"] = 9,
        ["information"] = 9,
        ["warn"] = 13,
        ["warning"] = 13,
        ["error"] = 17,
        ["fatal"] = 21,
        ["critical"] = 21,
    };

    public static string NameOf(int severityNumber) =>
        Levels.LastOrDefault(level => severityNumber >= level.Lowest).Name ?? "Unspecified";

    public static bool TryParseMinimum(string name, out int lowestSeverityNumber) =>
        Aliases.TryGetValue(name, out lowestSeverityNumber);
}
