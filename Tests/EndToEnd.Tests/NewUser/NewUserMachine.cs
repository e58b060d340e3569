using System.Diagnostics;

namespace EndToEnd.Tests.NewUser;

/// <summary>
/// What a new user has: an empty folder outside the repository, a nuget.config whose only sources are the packed
/// Parity packages and the usual registry, and their own NuGet and .NET CLI folders (templates, tools, packages).
/// The machine's package folder is only a read-only fallback for the registry's packages: Parity's are never in it.
/// </summary>
internal sealed class NewUserMachine : IDisposable
{
    private NewUserMachine(string root, string packedPackages)
    {
        Root = root;
        PackedPackages = packedPackages;
        Directory.CreateDirectory(PackagesFolder);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="parity" value="{packedPackages}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public string Root { get; }

    public string PackedPackages { get; }

    /// <summary>Where this user's restores put packages: Parity's must come from the packed folder into here.</summary>
    public string PackagesFolder => Path.Combine(Root, ".nuget", "packages");

    private static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>A new user's folder; readable by others, so that PostgreSQL (which drops root) reaches its data inside it.</summary>
    public static NewUserMachine Create(string packedPackages)
    {
        var root = Directory.CreateTempSubdirectory("parity-new-user-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }
        return new NewUserMachine(root, packedPackages);
    }

    public async Task<CommandResult> RunAsync(string workingDirectory, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["NUGET_PACKAGES"] = PackagesFolder;
        info.Environment["DOTNET_CLI_HOME"] = Path.Combine(Root, ".dotnet-home");
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Build servers outlive a build by design; the test looks for processes Parity leaves, so none are started.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment.Remove("MSBuildSDKsPath"); // the test host's own build settings are not the user's
        info.Environment.Remove("MSBuildExtensionsPath");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CommandResult($"{program} {string.Join(' ', args)}", process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
