using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The ReadyToRun compiler of the .NET the AppHost runs on, as NuGet restored it (Parity.Hosting's build asks for it
/// with a PackageDownload), and the shared frameworks apps compile against.
/// </summary>
internal sealed class Crossgen2(string path, IReadOnlyList<string> frameworkFolders)
{
    private static readonly string? Nice = OperatingSystem.IsWindows() ? null : ExecutableLocator.Find("nice");

    private static int RuntimeMajor => Environment.Version.Major;

    /// <summary>Where NuGet restores packages for this user.</summary>
    public static string NuGetPackagesFolder => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Null when NuGet has not restored crossgen2 for this runtime into <paramref name="packages"/>.</summary>
    public static Crossgen2? Find(string packages)
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // <dotnet>/shared/Microsoft.NETCore.App/<version>
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtimeFolder))!;
        var frameworks = Directory.Exists(shared)
            ? Directory.GetDirectories(shared).Select(NewestOfRuntimeMajor).OfType<string>().ToList()
            : [];
        var rid = $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        var pack = NewestOfRuntimeMajor(Path.Combine(packages, $"microsoft.netcore.app.crossgen2.{rid}"));
        var program = pack is null ? null : Path.Combine(pack, "tools", OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2");
        return program is not null && File.Exists(program) && frameworks.Count > 0 ? new Crossgen2(program, frameworks) : null;
    }

    /// <summary>Whether the app runs on the major version of .NET this compiler targets (read from its runtimeconfig.json).</summary>
    public static bool Targets(string appDll)
    {
        var config = Path.ChangeExtension(appDll, ".runtimeconfig.json");
        if (!File.Exists(config) || JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"] is not { } options)
        {
            return false;
        }
        var frameworks = options["frameworks"]?.AsArray().ToList() ?? [options["framework"]];
        return frameworks.All(f => Version.TryParse(f?["version"]?.GetValue<string>(), out var version) && version.Major == RuntimeMajor);
    }

    /// <summary>An assembly of IL alone (not native code, not already compiled ahead of time, not mixed).</summary>
    public static bool IsIlOnly(string dll)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(dll));
            return pe.HasMetadata && pe.PEHeaders.CorHeader is { } cor
                && cor.ManagedNativeHeaderDirectory.Size == 0 && cor.Flags.HasFlag(CorFlags.ILOnly);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Compiles <paramref name="input"/> into <paramref name="output"/> against the other assemblies of its folder and the
    /// shared frameworks, at the lowest CPU priority; null when it succeeded, else what crossgen2 said.
    /// </summary>
    public async Task<string?> CompileAsync(string input, string output, CancellationToken cancellationToken)
    {
        string[] command = [.. Nice is null ? [] : new[] { Nice, "-n", "19" }, path, input, "--out", output, "--optimize",
            "--targetos", TargetOs, "--targetarch", TargetArch, "--reference", Path.Combine(Path.GetDirectoryName(input)!, "*.dll"),
            .. frameworkFolders.SelectMany(f => new[] { "--reference", Path.Combine(f, "*.dll") })];
        var said = new List<string>();
        var exitCode = await ProcessStarter.RunToExitAsync(new ProcessSpec(command[0], command[1..], Path.GetDirectoryName(input)!, new Dictionary<string, string>()),
            (line, _) => { lock (said) { said.Add(line); } }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested(); // the run ends with no compiler left behind
        lock (said)
        {
            return exitCode == 0 ? null : string.Join(Environment.NewLine, said.TakeLast(5));
        }
    }

    private static string TargetOs => OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : "linux";

    private static string TargetArch => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    /// <summary>The folder under <paramref name="parent"/> named by the highest version of the running .NET's major version.</summary>
    private static string? NewestOfRuntimeMajor(string parent) => Directory.Exists(parent)
        ? Directory.GetDirectories(parent)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version?.Major == RuntimeMajor)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Folder)
            .FirstOrDefault()
        : null;
}
