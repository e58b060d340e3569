namespace Parity.Cli.Tests;

public sealed class OutputFormatTests
{
    [Fact]
    public void TheResourceTableAlignsItsColumnsAndListsLifetimesAndTheSummaryUrls()
    {
        var table = OutputFormat.ResourceTable(
        [
            new RunResource("api", "Project", "Healthy", true, 2,
                [new UrlView("http://localhost:5000", null, "http"), new UrlView("https://localhost:5001", "Home", "https"),
                 new UrlView("https://localhost:5001/admin", "Admin", "https", "DetailsOnly")], []),
            new RunResource("migrations", "Project", "Finished", true, 0, [], []),
            new RunResource("pg", "Postgres", "Healthy", true, 0, [], [], Lifetime: "Persistent", Adopted: true),
        ]);

        Assert.Equal(
            """
            NAME        KIND      STATE     LIFETIME              RESTARTS  URLS
            api         Project   Healthy   Session               2         http://localhost:5000 https://localhost:5001
            migrations  Project   Finished  Session               0
            pg          Postgres  Healthy   Persistent (adopted)  0
            """.ReplaceLineEndings(), table);
    }

    [Fact]
    public void DescribeMasksSecretsAndListsReplicas()
    {
        var text = OutputFormat.Describe(new ResourceView(
            "api", "Project", "Running", "Healthy", StartedAt: null, Restarts: 1, ExitCode: null,
            [new UrlView("http://localhost:5000", null, "http"), new UrlView("http://localhost:5000/swagger", "Swagger UI", "http", "DetailsOnly")],
            [new ReplicaView(0, 4242, "Running", ["http://localhost:5001"]), new ReplicaView(1, null, "Starting", [])],
            [new EnvironmentVariableView("PLAIN", "visible", IsSecret: false), new EnvironmentVariableView("ConnectionStrings__db", null, IsSecret: true)],
            Message: null, [new CommandView("stop", "Stop", null, "Enabled"), new CommandView("clear-cache", "Clear cache", null, "Disabled")], Parent: "store",
            Lifetime: "Persistent", Adopted: true));

        Assert.Contains("  health:   Healthy", text);
        Assert.Contains("  lifetime: Persistent (adopted)", text);
        Assert.Contains("  parent:   store", text);
        Assert.Contains("  urls:     http://localhost:5000, Swagger UI: http://localhost:5000/swagger", text);
        Assert.Contains("  commands: stop, clear-cache (disabled)", text);
        Assert.Contains("    #0  pid 4242  Running  http://localhost:5001", text);
        Assert.Contains("    #1  pid -  Starting", text);
        Assert.Contains("    PLAIN=visible", text);
        Assert.Contains($"    ConnectionStrings__db={OutputFormat.SecretMask} (secret)", text);
    }

    [Fact]
    public void AReplicasLineNamesIt()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal("plain", OutputFormat.ConsoleLine(new ConsoleLineView("api", null, now, "plain", IsError: false)));
        Assert.Equal("[notifications#1] tagged", OutputFormat.ConsoleLine(new ConsoleLineView("notifications", 1, now, "tagged", IsError: true)));
    }

    [Fact]
    public void DoctorReadsTheAppHostsJsonLinesAndShowsAPackageOrTheHint()
    {
        var missing = Doctor.Parse("""
            Building...
            {"resource":"cache","program":"redis-server","package":"redis-server","hint":"apt-get install redis-server"}
            {"resource":"broken","program":"parity-no-such-program","package":null,"hint":"install it"}
            """);

        Assert.Equal(
            """
            RESOURCE  PROGRAM                 PACKAGE
            cache     redis-server            redis-server
            broken    parity-no-such-program  (install it)
            """.ReplaceLineEndings(), OutputFormat.MissingProgramTable(missing));
    }

    [Theory]
    [InlineData("10.0.100 [/usr/share/dotnet/sdk]", true)]
    [InlineData("8.0.404 [/usr/share/dotnet/sdk]\n10.0.100-rc.2.25502.107 [/usr/share/dotnet/sdk]", true)]
    [InlineData("8.0.404 [/usr/share/dotnet/sdk]", false)]
    [InlineData("", false)]
    public void DoctorWantsTheNET10SDK(string listSdks, bool found) => Assert.Equal(found, Doctor.HasSdk(listSdks));

    [Fact]
    public void PackagesAreInstalledThroughSudoOnlyWhenNotRoot()
    {
        Assert.Equal(["parity-doctor", "sudo", "redis-server"], PackageInstaller.Arguments(["redis-server"], isRoot: false).Skip(2));
        Assert.Equal(["parity-doctor", "", "redis-server", "rabbitmq-server"], PackageInstaller.Arguments(["redis-server", "rabbitmq-server"], isRoot: true).Skip(2));
        Assert.Contains("policy-rc.d", PackageInstaller.Arguments([], isRoot: true)[1]);
    }
}
