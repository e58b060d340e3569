using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parity.Tests;

namespace EndToEnd.Tests.NewUser;

/// <summary>
/// Parity adopted as a new user would: from the packed packages (scripts/pack.sh) and nothing of this repository,
/// the starter template is created, built, started with the parity CLI, called, tested, and stopped.
/// </summary>
public sealed class StarterTemplateTests
{
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;

    [Fact]
    public async Task TheStarterBuildsStartsAnswersPassesItsTestsAndStopsLeavingNoProcess()
    {
        var packed = Path.Combine(RepositoryRoot, "artifacts", "packages");
        var templates = Directory.Exists(packed) ? Directory.GetFiles(packed, "Parity.Templates.*.nupkg").SingleOrDefault() : null;
        Assert.True(templates is not null, $"No packed templates in {packed}: run scripts/pack.sh (./test.sh does).");
        var version = Path.GetFileNameWithoutExtension(templates)["Parity.Templates.".Length..];
        using var user = NewUserMachine.Create(packed);
        var shop = Path.Combine(user.Root, "Shop");
        var parity = Path.Combine(user.Root, "tools", "parity");

        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "install", templates));
        var clock = Stopwatch.StartNew();
        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "parity-starter", "-n", "Shop"));
        await Succeeds(user.RunAsync(shop, "dotnet", "build"));
        await Succeeds(user.RunAsync(user.Root, "dotnet", "tool", "install", "Parity.Cli", "--tool-path", Path.Combine(user.Root, "tools"), "--version", version));
        var started = await Succeeds(user.RunAsync(shop, parity, "start"));
        TestContext.Current.SendDiagnosticMessage($"From dotnet new to all healthy: {clock.Elapsed.TotalSeconds:F1} s");
        try
        {
            Assert.Contains("/login?t=", started.Output);
            // Parity's packages came from the packed folder into this user's own package folder.
            Assert.True(Directory.Exists(Path.Combine(user.PackagesFolder, "parity.hosting", version)));

            var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(shop, "Shop.AppHost", ".parity", "run.json"), TestContext.Current.CancellationToken)).RootElement;
            var api = Resource(run, "api");
            Assert.Equal("Healthy", api.GetProperty("state").GetString());
            using var http = new HttpClient { BaseAddress = new Uri(api.GetProperty("urls")[0].GetProperty("url").GetString()!) };
            using var created = await http.PostAsJsonAsync("/items", new { name = "Tea" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Contains("Tea", await http.GetStringAsync("/items", TestContext.Current.CancellationToken));

            await Succeeds(user.RunAsync(shop, "dotnet", "test"));

            var pids = Pids(run);
            await Succeeds(user.RunAsync(shop, parity, "stop"));
            Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(pids, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
            Assert.Empty(await ProcessesStillUnderAsync(user.Root));
        }
        finally
        {
            if (File.Exists(Path.Combine(shop, "Shop.AppHost", ".parity", "run.json")))
            {
                await user.RunAsync(shop, parity, "stop");
            }
        }

        // The generated solution is the user's own: nothing in it points into this repository, and no packaged
        // assembly holds a path of the machine that built it.
        var sources = Directory.EnumerateFiles(shop, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".parity" or "TestResults"));
        Assert.DoesNotContain(sources, f => File.ReadAllText(f).Contains(RepositoryRoot, StringComparison.Ordinal));
        var packagedAssemblies = Directory.EnumerateFiles(user.PackagesFolder, "*.dll", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(user.PackagesFolder, f).StartsWith("parity.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(packagedAssemblies);
        Assert.DoesNotContain(packagedAssemblies, HoldsRepositoryPath);
    }

    [Fact]
    public async Task TheProjectTemplatesMakeAnAppHostServiceDefaultsAndTestsThatBuildTogether()
    {
        var packed = Path.Combine(RepositoryRoot, "artifacts", "packages");
        var templates = Directory.Exists(packed) ? Directory.GetFiles(packed, "Parity.Templates.*.nupkg").SingleOrDefault() : null;
        Assert.True(templates is not null, $"No packed templates in {packed}: run scripts/pack.sh (./test.sh does).");
        using var user = NewUserMachine.Create(packed);

        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "install", templates));
        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "parity-apphost", "-n", "Store.AppHost"));
        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "parity-servicedefaults", "-n", "Store.ServiceDefaults"));
        await Succeeds(user.RunAsync(user.Root, "dotnet", "new", "parity-tests", "-n", "Store.Tests", "--AppHost", "../Store.AppHost/Store.AppHost.csproj"));

        await Succeeds(user.RunAsync(user.Root, "dotnet", "build", "Store.Tests"));
        await Succeeds(user.RunAsync(user.Root, "dotnet", "build", "Store.ServiceDefaults"));
        Assert.Contains("Projects.Store_AppHost", await File.ReadAllTextAsync(Path.Combine(user.Root, "Store.Tests", "AppHostTests.cs"), TestContext.Current.CancellationToken));
        await Succeeds(user.RunAsync(Path.Combine(user.Root, "Store.Tests"), "dotnet", "test", "--no-build"));
    }

    private static bool HoldsRepositoryPath(string assembly)
    {
        var bytes = File.ReadAllBytes(assembly);
        return bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(RepositoryRoot)) >= 0
            || bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(RepositoryRoot)) >= 0;
    }

    private static async Task<CommandResult> Succeeds(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static JsonElement Resource(JsonElement run, string name) =>
        run.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static List<int> Pids(JsonElement run) =>
        [run.GetProperty("appHostPid").GetInt32(), .. run.GetProperty("resources").EnumerateArray()
            .SelectMany(r => r.GetProperty("replicas").EnumerateArray())
            .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("pid").GetInt32())];

    /// <summary>What still works in the user's folder 30 s on (a launcher such as <c>dotnet run</c> may take a moment to follow its child).</summary>
    private static async Task<List<string>> ProcessesStillUnderAsync(string root)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<string> left;
        while ((left = ProcessesUnder(root)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return left;
    }

    /// <summary>Processes still working in the user's folder, however they were started.</summary>
    private static List<string> ProcessesUnder(string root) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
            .Select(dir => (Pid: Path.GetFileName(dir), Cwd: CwdOf(dir)))
            .Where(p => p.Cwd?.StartsWith(root, StringComparison.Ordinal) == true)
            .Select(p => $"{p.Pid} in {p.Cwd}: {CommandLineOf(p.Pid)}")];

    private static string CommandLineOf(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static string? CwdOf(string procDirectory)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(procDirectory, "cwd")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or a kernel thread
        }
    }
}
