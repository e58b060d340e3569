using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parity.Cli;

/// <summary>Runs a program attached to this terminal, or with its output captured, and returns its exit code.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs with this process's input and output. Ctrl+C reaches the child from the terminal, so the CLI only waits for
    /// it to finish stopping; a SIGTERM sent to the CLI is passed on to the child.
    /// </summary>
    public static async Task<int> RunAttachedAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(Info(fileName, arguments, environment));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Posix.Signal(process.Id, Posix.SigTerm);
        });
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Runs to the end with stdout captured; stderr still reaches the user.</summary>
    public static async Task<(int ExitCode, string Output)> RunCapturedAsync(string fileName, IEnumerable<string> arguments, CancellationToken token)
    {
        var info = Info(fileName, arguments, environment: null);
        info.RedirectStandardOutput = true;
        using var process = Start(info);
        var output = await process.StandardOutput.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        return (process.ExitCode, output);
    }

    public static ProcessStartInfo Info(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return info;
    }

    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new CliException($"Could not start '{info.FileName}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CliException($"Could not start '{info.FileName}': {e.Message}");
        }
    }
}
