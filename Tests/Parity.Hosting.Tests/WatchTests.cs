using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Parity.Hosting.Tests;

/// <summary>
/// Watch mode on a project written by the test: an edit is built and swapped in with no failed request, its run-once
/// resource runs again first, other resources keep their processes, and a compile error keeps the old code serving.
/// </summary>
public sealed class WatchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parity-watch-").FullName;

    private string ProgramFile => Path.Combine(_folder, "Program.cs");

    private string MigrationsLog => Path.Combine(_folder, "migrations.log");

    [Fact]
    public async Task AnEditIsServedWithoutAFailedRequestAndACompileErrorKeepsTheOldCodeServing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "Svc.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>""",
            TestContext.Current.CancellationToken);
        await WriteProgramAsync("v1");
        var builder = DistributedApplicationTestingBuilder.Create([], options => options.Watch = true);
        var migrate = builder.AddProject("migrate", Path.Combine(_folder, "Svc.csproj")).WithArgs("migrate");
        var svc = builder.AddProject("svc", Path.Combine(_folder, "Svc.csproj")).WithHttpHealthCheck("/health").WaitForCompletion(migrate);
        builder.AddExecutable("worker", "sleep", ".", "300").WithReference(svc);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout(180));
        var healthy = await app.ResourceNotifications.WaitForResourceHealthyAsync("svc", TestApp.Timeout(180));
        var url = healthy.Urls![0];
        var (oldPid, workerPid) = (app.PidOf("svc"), app.PidOf("worker"));
        Assert.Equal("v1", await TestApp.GetAsync($"{url}/version"));

        using var stop = new CancellationTokenSource();
        var load = TestApp.RequestLoopAsync($"{url}/version", stop.Token);
        await WriteProgramAsync("v2");
        await WaitUntilAsync(async () => await TestApp.GetAsync($"{url}/version") == "v2");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var (served, failures) = await load;

        Assert.Empty(failures);
        Assert.Equal(["v1", "v2"], served.Order());
        Assert.Equal("v1\nv2\n", await File.ReadAllTextAsync(MigrationsLog, TestContext.Current.CancellationToken));
        var newPid = app.PidOf("svc");
        Assert.NotEqual(oldPid, newPid);
        Assert.Equal(workerPid, app.PidOf("worker"));
        Assert.Contains(app.ResourceLogs.GetBacklog("svc"), l => l.Text.StartsWith("[parity] watch: Program.cs changed", StringComparison.Ordinal));

        await File.WriteAllTextAsync(ProgramFile, "this is not C#", TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(app.ResourceLogs.GetBacklog("svc").Any(l => l.Text.Contains("error CS", StringComparison.Ordinal))));
        Assert.Contains(app.ResourceLogs.GetBacklog("svc"), l => l.Text.StartsWith("[parity] watch: the build failed", StringComparison.Ordinal));
        Assert.Equal("v2", await TestApp.GetAsync($"{url}/version"));
        Assert.Equal(newPid, app.PidOf("svc"));
    }

    [Fact]
    public async Task AnEditOfAReferencedLibraryIsServed()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Lib"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "Lib", "Lib.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""",
            TestContext.Current.CancellationToken);
        await WriteLibraryAsync("lib v1");
        var service = Directory.CreateDirectory(Path.Combine(_folder, "Svc")).FullName;
        await File.WriteAllTextAsync(Path.Combine(service, "Svc.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup><ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup></Project>""",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(service, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/health", () => "ok");
            app.MapGet("/version", () => Lib.Version.Text);
            app.Run();
            """, TestContext.Current.CancellationToken);
        var builder = DistributedApplicationTestingBuilder.Create([], options => options.Watch = true);
        builder.AddProject("svc", Path.Combine(service, "Svc.csproj")).WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout(180));
        var url = (await app.ResourceNotifications.WaitForResourceHealthyAsync("svc", TestApp.Timeout(180))).Urls![0];
        Assert.Equal("lib v1", await TestApp.GetAsync($"{url}/version"));

        await WriteLibraryAsync("lib v2");
        await WaitUntilAsync(async () => await TestApp.GetAsync($"{url}/version") == "lib v2");
        Assert.Contains(app.ResourceLogs.GetBacklog("svc"), l => l.Text.StartsWith("[parity] watch: Version.cs changed", StringComparison.Ordinal));
    }

    private Task WriteLibraryAsync(string version) => File.WriteAllTextAsync(Path.Combine(_folder, "Lib", "Version.cs"),
        $$"""namespace Lib; public static class Version { public const string Text = "{{version}}"; }""", TestContext.Current.CancellationToken);

    private Task WriteProgramAsync(string version) => File.WriteAllTextAsync(ProgramFile, $$"""
        if (args.Contains("migrate"))
        {
            File.AppendAllText("{{MigrationsLog}}", "{{version}}\n");
            return;
        }
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders(); // the console keeps the engine's lines, not one per request
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/version", () => "{{version}}");
        app.Run();
        """, TestContext.Current.CancellationToken);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var token = TestApp.Timeout(120);
        while (!await condition())
        {
            await Task.Delay(200, token);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
