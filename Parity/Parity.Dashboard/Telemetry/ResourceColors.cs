namespace Parity.Dashboard.Telemetry;

/// <summary>A stable colour per resource name, so that one service looks the same on every page.</summary>
public static class ResourceColors
{
    private static readonly string[] Palette = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#b45309", "#4d7c0f"];

    public static string Of(string resource)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode, and spreads short names well.
        var hash = 2166136261u;
        foreach (var c in resource)
        {
            hash = (hash ^ c) * 16777619;
        }

        return Palette[hash % Palette.Length];
    }

    public static string Style(string resource) => $"--resource: {Of(resource)}";
}
