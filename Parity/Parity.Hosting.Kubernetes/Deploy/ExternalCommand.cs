using System.ComponentModel;
using System.Diagnostics;

namespace Parity.Hosting.Kubernetes;

/// <summary>A program and its arguments, to print or to run.</summary>
public sealed record ExternalCommand(string Program, IReadOnlyList<string> Args)
{
    /// <summary>kubectl with <paramref name="args"/>, through <paramref name="context"/> when given.</summary>
    public static ExternalCommand Kubectl(string? context, params IEnumerable<string> args) =>
        new("kubectl", [.. context is null ? [] : (string[])["--context", context], .. args]);

    public override string ToString() => string.Join(' ', new[] { Program }.Concat(Args).Select(Quote));

    /// <summary>Runs with the AppHost's console, so the user sees the program's progress as it happens.</summary>
    public int RunAttached()
    {
        using var process = Start(redirect: false);
        process.WaitForExit();
        return process.ExitCode;
    }

    public (int ExitCode, string Stdout, string Stderr) RunCaptured()
    {
        using var process = Start(redirect: true);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    private Process Start(bool redirect)
    {
        var info = new ProcessStartInfo(Program) { RedirectStandardOutput = redirect, RedirectStandardError = redirect, UseShellExecute = false };
        foreach (var arg in Args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            return Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new PreconditionFailedException($"Cannot run '{Program}' ({e.Message}); install it and make sure it is on the PATH.");
        }
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? arg : $"\"{arg.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
