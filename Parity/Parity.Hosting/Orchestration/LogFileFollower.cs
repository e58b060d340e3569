using System.Text;

namespace Parity.Hosting.Orchestration;

/// <summary>Reads the lines a process appends to a file, as <c>tail -f</c> does; a line is passed on once it is complete.</summary>
internal static class LogFileFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task FollowAsync(string path, bool fromStart, Action<string> onLine, CancellationToken stopping)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FileMode; // a console log may hold secrets a service printed
        }
        await using var file = new FileStream(path, options);
        if (!fromStart)
        {
            file.Seek(0, SeekOrigin.End);
        }
        var buffer = new byte[16 * 1024];
        var pending = new List<byte>();
        while (!stopping.IsCancellationRequested)
        {
            var read = await file.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
            {
                await Task.Delay(PollInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                pending.AddRange(buffer.AsSpan(start, i - start));
                onLine(Encoding.UTF8.GetString([.. pending]).TrimEnd('\r'));
                pending.Clear();
                start = i + 1;
            }
            pending.AddRange(buffer.AsSpan(start, read - start));
        }
    }
}
