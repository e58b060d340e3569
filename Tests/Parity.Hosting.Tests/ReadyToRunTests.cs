using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Parity.Hosting.Tests;

/// <summary>
/// A run compiles the builds of the .NET apps it started to native code, in the background; the next run starts the same
/// build from that code, and a changed build from its own output, which is then compiled in turn: an assembly the builds
/// share is compiled once, and what no current build uses any more is removed.
/// </summary>
public sealed class ReadyToRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parity-r2r-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("parity-r2r-state-").FullName;

    private string Project => Path.Combine(_folder, "Svc", "Svc.csproj");

    /// <summary>The compiled copies of the service's build folder (one, the latest).</summary>
    private string[] CompiledCopies => Directory.GetDirectories(Assert.Single(Directory.GetDirectories(Path.Combine(_state, "ready-to-run", "apps"), "Svc-*")));

    private string Assemblies => Path.Combine(_state, "ready-to-run", "assemblies");

    [Fact]
    public async Task TheSameBuildStartsFromNativeCodeAndAChangedBuildFromItsOwnOutputUntilCompiled()
    {
        await WriteProjectsAsync();
        await WriteProgramAsync("v1");

        await using (var app = await StartAsync())
        {
            Assert.Equal("v1 lib", await TestApp.GetAsync($"{UrlOf(app)}/version"));
            Assert.DoesNotContain(_state, DllOf(app));
            await WaitForLogAsync(app, "[parity] ready-to-run: 2 assemblies in native code (0 compiled for earlier builds)");
        }
        var compiled = Assert.Single(CompiledCopies);
        Assert.False(Crossgen2.IsIlOnly(Path.Combine(compiled, "Svc.dll")));
        Assert.False(Crossgen2.IsIlOnly(Path.Combine(compiled, "Lib.dll")));
        var lib = Assert.Single(Directory.GetFiles(Assemblies, "Lib-*.dll"));

        await using (var app = await StartAsync())
        {
            Assert.Equal(Path.Combine(compiled, "Svc.dll"), DllOf(app));
            Assert.Equal("v1 lib", await TestApp.GetAsync($"{UrlOf(app)}/version"));
            Assert.Contains(app.ResourceLogs.GetBacklog("svc"), l => l.Text == "[parity] ready-to-run: starting from the native code compiled for this build");
        }

        await WriteProgramAsync("v2");
        await ProjectOutputResolver.RunDotnetAsync("build", Project, "-v", "q");
        await using (var app = await StartAsync())
        {
            Assert.DoesNotContain(_state, DllOf(app));
            Assert.Equal("v2 lib", await TestApp.GetAsync($"{UrlOf(app)}/version"));
            await WaitForLogAsync(app, "[parity] ready-to-run: 2 assemblies in native code (1 compiled for earlier builds)");
        }
        Assert.NotEqual(compiled, Assert.Single(CompiledCopies));
        Assert.Equal([lib], Directory.GetFiles(Assemblies, "Lib-*.dll"));
        Assert.Single(Directory.GetFiles(Assemblies, "Svc-*.dll"));
    }

    [Fact]
    public void WithoutCrossgen2RestoredNothingIsCompiled()
    {
        Assert.Null(Crossgen2.Find(_folder));
        Assert.NotNull(Crossgen2.Find(Crossgen2.NuGetPackagesFolder)); // restored by every build of this repository
    }

    [Fact]
    public async Task AnAppForAnotherMajorVersionOfDotNetIsLeftToTheJitCompiler()
    {
        var dll = Path.Combine(_folder, "Old.dll");
        await File.WriteAllTextAsync(Path.ChangeExtension(dll, ".runtimeconfig.json"),
            """{ "runtimeOptions": { "tfm": "net8.0", "framework": { "name": "Microsoft.NETCore.App", "version": "8.0.0" } } }""",
            TestContext.Current.CancellationToken);
        Assert.False(Crossgen2.Targets(dll));
        await File.WriteAllTextAsync(Path.ChangeExtension(dll, ".runtimeconfig.json"),
            $$"""{ "runtimeOptions": { "frameworks": [ { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.Major}}.0.0" } ] } }""",
            TestContext.Current.CancellationToken);
        Assert.True(Crossgen2.Targets(dll));
    }

    private async Task<DistributedApplication> StartAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create([], options =>
        {
            options.StateDirectory = _state;
            options.ReadyToRun = true;
        });
        builder.AddProject("svc", Project).WithHttpHealthCheck("/health");
        var app = builder.Build();
        await app.StartAsync(TestApp.Timeout(180));
        await app.ResourceNotifications.WaitForResourceHealthyAsync("svc", TestApp.Timeout(180));
        return app;
    }

    private static string UrlOf(DistributedApplication app) => app.ResourceNotifications.Get("svc")!.Urls![0];

    /// <summary>The dll the service's process runs (<c>dotnet DLL</c>), read from the kernel.</summary>
    private static string DllOf(DistributedApplication app) => File.ReadAllText($"/proc/{app.PidOf("svc")}/cmdline").Split('\0')[1];

    private static async Task WaitForLogAsync(DistributedApplication app, string text)
    {
        var token = TestApp.Timeout(180);
        while (!app.ResourceLogs.GetBacklog("svc").Any(l => l.Text.StartsWith(text, StringComparison.Ordinal)))
        {
            await Task.Delay(200, token);
        }
    }

    private async Task WriteProjectsAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Lib"));
        Directory.CreateDirectory(Path.Combine(_folder, "Svc"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "Lib", "Lib.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "Lib", "Version.cs"),
            """namespace Lib; public static class Version { public static string Text => "lib"; }""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Project,
            """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup><ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup></Project>""",
            TestContext.Current.CancellationToken);
    }

    private Task WriteProgramAsync(string version) => File.WriteAllTextAsync(Path.Combine(_folder, "Svc", "Program.cs"), $$"""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/version", () => "{{version}} " + Lib.Version.Text);
        app.Run();
        """, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_state, recursive: true);
    }
}
