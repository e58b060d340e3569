namespace Parity.Cli;

/// <summary>Left-aligned columns separated by two spaces, as the AppHost prints its own summary.</summary>
internal static class TextTable
{
    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        return string.Join(Environment.NewLine, all.Select(row =>
            string.Join("  ", row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd()));
    }
}
