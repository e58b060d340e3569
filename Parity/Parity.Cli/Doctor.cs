using System.Text.Json;

namespace Parity.Cli;

/// <summary>
/// <c>parity doctor [--fix]</c>: the programs this machine lacks for a run of the AppHost (the AppHost's own
/// <c>doctor</c> verb lists them) and the .NET SDK itself; with <c>--fix</c>, installs their Debian packages.
/// </summary>
internal static class Doctor
{
    public const string SdkPackage = "dotnet-sdk-10.0";
    private const int RequiredSdkMajor = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(AppHostProject project, IReadOnlyList<string> appHostArguments, bool fix, CancellationToken token)
    {
        var missing = await MissingAsync(project, appHostArguments, token);
        Report(missing);
        if (missing.Count == 0 || !fix)
        {
            return missing.Count == 0 ? 0 : 1;
        }
        var packages = missing.Select(m => m.Package).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (packages.Count > 0)
        {
            Console.WriteLine($"Installing: {string.Join(' ', packages)}");
            var exitCode = await ChildProcess.RunAttachedAsync("/bin/sh", PackageInstaller.Arguments(packages, Posix.IsRoot));
            if (exitCode != 0)
            {
                throw new CliException($"apt-get failed (exit code {exitCode}).");
            }
        }
        Console.WriteLine("Checking again...");
        missing = await MissingAsync(project, appHostArguments, token);
        Report(missing);
        return missing.Count == 0 ? 0 : 1;
    }

    /// <summary>The lines of the AppHost's <c>doctor</c> verb (JSON objects); anything else it prints is not ours to read.</summary>
    public static IReadOnlyList<MissingProgram> Parse(string output) =>
    [
        .. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonSerializer.Deserialize<MissingProgram>(line, Json)!),
    ];

    /// <summary>Whether <c>dotnet --list-sdks</c> lines (<c>10.0.100 [/usr/share/dotnet/sdk]</c>) hold a recent enough SDK.</summary>
    public static bool HasSdk(string listSdksOutput) =>
        listSdksOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(line => Version.TryParse(line.Split(' ')[0].Split('-')[0], out var version) && version.Major >= RequiredSdkMajor);

    private static async Task<IReadOnlyList<MissingProgram>> MissingAsync(AppHostProject project, IReadOnlyList<string> appHostArguments, CancellationToken token)
    {
        var (sdkExit, sdks) = await ChildProcess.RunCapturedAsync(DotnetCommands.Dotnet, ["--list-sdks"], token);
        if (sdkExit != 0 || !HasSdk(sdks))
        {
            // Without the SDK the AppHost can be neither built nor asked.
            return [new MissingProgram("(parity)", $"dotnet SDK {RequiredSdkMajor}", SdkPackage, $"apt-get install {SdkPackage}")];
        }
        await DotnetCommands.BuildAsync(project);
        var (exitCode, output) = await ChildProcess.RunCapturedAsync(
            DotnetCommands.Dotnet, DotnetCommands.Run(project, ["doctor", .. appHostArguments], noBuild: true), token);
        return exitCode is 0 or 1
            ? Parse(output)
            : throw new CliException($"The AppHost's doctor verb failed (exit code {exitCode}):{Environment.NewLine}{output}");
    }

    private static void Report(IReadOnlyList<MissingProgram> missing) =>
        Console.WriteLine(missing.Count == 0 ? "Nothing is missing." : OutputFormat.MissingProgramTable(missing));
}
