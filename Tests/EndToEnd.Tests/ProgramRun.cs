using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>Runs a program to completion: the reference AppHost's verbs (publish, parity, deploy), or kubectl.</summary>
internal static class ProgramRun
{
    private static readonly string AppHostDll = new Projects.AppHost().TargetPath!;

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAppHostAsync(params string[] args) =>
        RunAsync("dotnet", [AppHostDll, .. args]);

    /// <summary>The AppHost with these environment variables set (a PATH whose first folder holds stand-ins for kubectl, say).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAppHostAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("dotnet", [AppHostDll, .. args], environment);

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] args) => RunAsync(program, args, null);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
