namespace Parity.Tests;

public static class ProcessProbe
{
    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Polls until every process is gone; returns those still alive when time runs out.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<int> alive;
        while ((alive = [.. pids.Where(IsAlive)]).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }
        return alive;
    }
}
