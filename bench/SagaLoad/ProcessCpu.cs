/// <summary>
/// CPU seconds spent by a process tree, from /proc: utime+stime of the root and every live descendant, plus what
/// their exited, reaped children spent (cutime+cstime) — a PostgreSQL backend that ends during the run still counts.
/// </summary>
internal static class ProcessCpu
{
    private sealed record Stat(int Pid, int ParentPid, long OwnTicks, long ReapedChildTicks);

    public static Dictionary<int, double> TreeSeconds(IEnumerable<int> roots, int ticksPerSecond, bool withDescendants = true)
    {
        var all = ReadAll();
        var children = all.Values.ToLookup(s => s.ParentPid);
        var seconds = new Dictionary<int, double>();
        foreach (var root in roots)
        {
            if (!all.TryGetValue(root, out var stat))
            {
                continue;
            }
            long ticks = stat.OwnTicks;
            if (withDescendants)
            {
                ticks += stat.ReapedChildTicks;
                var pending = new Stack<int>(children[root].Select(c => c.Pid));
                while (pending.TryPop(out var pid))
                {
                    ticks += all[pid].OwnTicks + all[pid].ReapedChildTicks;
                    foreach (var child in children[pid])
                    {
                        pending.Push(child.Pid);
                    }
                }
            }
            seconds[root] = (double)ticks / ticksPerSecond;
        }
        return seconds;
    }

    /// <summary>Busy CPU seconds of the whole machine (every process, every core), from /proc/stat.</summary>
    public static double MachineBusySeconds(int ticksPerSecond)
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields.Sum() - fields[3] - fields[4];
        return (double)busy / ticksPerSecond;
    }

    private static Dictionary<int, Stat> ReadAll()
    {
        var stats = new Dictionary<int, Stat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
            {
                continue; // exited while listed
            }
            // The command name is in parentheses and may hold spaces: fields are counted from after its ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            stats[pid] = new Stat(pid, int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]), long.Parse(fields[13]) + long.Parse(fields[14]));
        }
        return stats;
    }
}
