using System.Globalization;
using System.Text;

namespace Parity.Hosting.Orchestration;

/// <summary>What tells one build of a project's output from another without reading it: each file's path, size and time of writing.</summary>
internal static class BuildStamp
{
    /// <summary>Appends a line per file of <paramref name="folder"/> matching <paramref name="pattern"/>, in a stable order.</summary>
    public static StringBuilder Append(StringBuilder text, string folder, string pattern, SearchOption option)
    {
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles(pattern, option).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            text.Append("file ").Append(Path.GetRelativePath(folder, file.FullName)).Append(' ').Append(file.Length).Append(' ')
                .AppendLine(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        }
        return text;
    }
}
