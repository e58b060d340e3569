namespace Parity.Hosting.Publishing;

/// <summary>Left-aligned columns separated by two spaces: the AppHost's summary, the verbs' reports and the CLI's listings.</summary>
public static class TextTable
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
