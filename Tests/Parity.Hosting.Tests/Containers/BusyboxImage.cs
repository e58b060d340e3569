using System.Diagnostics;
using System.Formats.Tar;

namespace Parity.Hosting.Tests.Containers;

/// <summary>
/// A container image made on this machine, with no registry: the statically linked busybox of Debian's
/// busybox-static package, alone in a tarball that <c>podman import</c> turns into an image.
/// </summary>
internal static class BusyboxImage
{
    public const string Name = "localhost/parity-test-busybox";
    public const string Tag = "1";
    private const string Busybox = "/bin/busybox";

    public static async Task EnsureAsync(string podman)
    {
        if (await RunAsync(podman, "image", "exists", $"{Name}:{Tag}") == 0)
        {
            return;
        }
        Assert.True(File.Exists(Busybox) && IsStatic(Busybox), $"{Busybox} must be a static binary: apt-get install busybox-static");
        var tarball = Path.Combine(Path.GetTempPath(), $"parity-busybox-{Guid.NewGuid():N}.tar");
        try
        {
            await using (var file = File.Create(tarball))
            await using (var tar = new TarWriter(file, TarEntryFormat.Pax))
            {
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
                await tar.WriteEntryAsync(Busybox, "bin/busybox");
            }
            Assert.Equal(0, await RunAsync(podman, "import", tarball, $"{Name}:{Tag}"));
        }
        finally
        {
            File.Delete(tarball);
        }
    }

    public static async Task<int> RunAsync(string program, params string[] args) => (await CaptureAsync(program, args)).ExitCode;

    public static async Task<(int ExitCode, string Output)> CaptureAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output);
    }

    /// <summary>An ELF executable without a program interpreter (PT_INTERP) needs no libraries: it runs alone in an image.</summary>
    private static bool IsStatic(string path)
    {
        var elf = File.ReadAllBytes(path);
        var headersAt = BitConverter.ToInt64(elf, 0x20);
        var headerSize = BitConverter.ToUInt16(elf, 0x36);
        var headerCount = BitConverter.ToUInt16(elf, 0x38);
        const uint interpreter = 3;
        return Enumerable.Range(0, headerCount).All(i => BitConverter.ToUInt32(elf, (int)headersAt + (i * headerSize)) != interpreter);
    }
}
