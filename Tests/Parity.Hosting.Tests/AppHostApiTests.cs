namespace Parity.Hosting.Tests;

/// <summary>An AppHost written the way one is written for Aspire: these calls and signatures must keep compiling and mean the same.</summary>
public sealed class AppHostApiTests
{
    [Fact]
    public void AnAspireStyleAppHostBuildsTheModelItDescribes()
    {
        var builder = DistributedApplication.CreateBuilder(args: []);
        Assert.True(builder.ExecutionContext.IsRunMode);
        builder.Configuration["ConnectionStrings:legacydb"] = "Server=legacy";

        var apiKey = builder.AddParameter("api-key", secret: true);
        var legacy = builder.AddConnectionString("legacydb");
        var migrate = builder.AddExecutable("migrate", "true", ".");
        var tool = builder.AddExecutable("tool", "sleep", ".", "60")
            .WithHttpEndpoint(port: 7000, targetPort: 7001, name: "admin", env: "ADMIN_PORT")
            .WithHttpsEndpoint(name: "secure")
            .WithEndpoint(targetPort: 9000, scheme: "tcp", name: "raw")
            .WithArgs("--verbose");
        var byPath = builder.AddProject("bypath", "../Fixtures/TestService/TestService.csproj");
        IResourceBuilder<ProjectResource> api = builder.AddProject<Projects.TestService>("api", launchProfileName: "other")
            .WithReference(legacy)
            .WithReference(byPath)
            .WithReference(tool.GetEndpoint("admin"))
            .WithEnvironment("API_KEY", apiKey)
            .WithEnvironment("PLAIN", "value")
            .WithEnvironment("ADMIN", tool.GetEndpoint("admin"))
            .WithEnvironment("ADMIN_HOST", $"{tool.GetEndpoint("admin").Property(EndpointProperty.Host)}")
            .WithEnvironment("LEGACY", legacy)
            .WithArgs("--mode", "api")
            .WaitFor(tool)
            .WaitForCompletion(migrate)
            .WithReplicas(3)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health");

        Assert.Equal(["api-key", "legacydb", "migrate", "tool", "bypath", "api"], builder.Resources.Select(r => r.Name));
        Assert.Equal(3, api.Resource.ReplicaCount());
        Assert.Equal(Path.GetFullPath("../Fixtures/TestService/TestService.csproj", builder.AppHostDirectory), byPath.Resource.Metadata.ProjectPath);
        Assert.EndsWith("TestService.dll", api.Resource.Metadata.TargetPath);

        var http = Assert.Single(api.Resource.Endpoints());
        Assert.Equal(("http", 5298, true), (http.UriScheme, http.Port, http.IsExternal));
        Assert.Equal("other", api.Resource.AnnotationsOf<LaunchProfileAnnotation>().Single().ProfileName);

        Assert.Equal(["admin", "secure", "raw"], tool.Resource.Endpoints().Select(e => e.Name));
        var admin = tool.Resource.Endpoints()[0];
        Assert.Equal((7000, 7001, "ADMIN_PORT", false), (admin.Port, admin.TargetPort, admin.EnvironmentVariable, admin.IsExternal));

        Assert.Equal(
            [(tool.Resource.Name, WaitType.WaitUntilHealthy), (migrate.Resource.Name, WaitType.WaitUntilCompleted)],
            api.Resource.AnnotationsOf<WaitAnnotation>().Select(w => (w.Resource.Name, w.WaitType)));
        Assert.Equal("/health", api.Resource.AnnotationsOf<HttpHealthCheckAnnotation>().Single().Path);
        Assert.True(api.Resource.AnnotationsOf<EnvironmentAnnotation>().Single(e => e.Name == "API_KEY").Value.IsSecret);
        Assert.Equal(["--mode", "api"], api.Resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(a => a.Format));
    }

    [Fact]
    public void AProjectAddedByItsFolderIsTheOneProjectFileThere()
    {
        var builder = DistributedApplication.CreateBuilder(args: []);

        var api = builder.AddDotnetProject("api", "../Fixtures/TestService", options => options.LaunchProfileName = "other");
        var worker = builder.AddDotnetProject("worker", "../Fixtures/TestService/TestService.csproj");

        var projectFile = Path.GetFullPath("../Fixtures/TestService/TestService.csproj", builder.AppHostDirectory);
        Assert.Equal([projectFile, projectFile], new[] { api, worker }.Select(p => p.Resource.Metadata.ProjectPath));
        Assert.Equal("other", api.Resource.AnnotationsOf<LaunchProfileAnnotation>().Single().ProfileName);
        Assert.Equal(5298, Assert.Single(api.Resource.Endpoints()).Port);
        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddDotnetProject("none", "../Fixtures"));
        Assert.Contains("holds 0 project files", error.Message);
    }

    [Theory]
    [InlineData("--publisher", "manifest")]
    [InlineData("--operation", "publish")]
    [InlineData("publish", "--output")]
    public void PublishingIsRecognisedInAspiresForms(string first, string second)
    {
        var builder = DistributedApplication.CreateBuilder([first, second]);
        Assert.True(builder.ExecutionContext.IsPublishMode);
        Assert.False(builder.ExecutionContext.IsRunMode);
    }

    [Theory]
    [InlineData("publish", "--include-dashboard")]
    [InlineData("deploy", "--dry-run")]
    public void AVerbsSwitchLeavesTheNextSettingToConfiguration(string verb, string verbSwitch)
    {
        var builder = DistributedApplication.CreateBuilder([verb, verbSwitch, "--Parity:AppName=shop"]);
        Assert.Equal("shop", builder.Configuration["Parity:AppName"]);
    }

    [Fact]
    public void EndpointNamesAreUniquePerResource()
    {
        var builder = TestApp.CreateBuilder();
        var tool = builder.AddExecutable("tool", "sleep", ".").WithHttpEndpoint();
        var error = Assert.Throws<DistributedApplicationException>(() => tool.WithHttpEndpoint());
        Assert.Contains("already has an endpoint named 'http'", error.Message);
    }

    [Fact]
    public void AProjectCanIgnoreItsLaunchProfile()
    {
        var builder = TestApp.CreateBuilder();
        var migrations = builder.AddProject<Projects.TestService>("migrations", options => options.ExcludeLaunchProfile = true);

        Assert.Null(Assert.Single(migrations.Resource.Endpoints()).Port);
        Assert.Empty(migrations.Resource.AnnotationsOf<LaunchProfileAnnotation>());
    }

    [Fact]
    public void AGeneratedParameterIsMadeOncePerStateFolderAndKeptPrivate()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        var first = TestApp.CreateBuilder(state).AddParameter("signing-key", new GenerateParameterDefault { MinLength = 40 }, secret: true).Resource;
        var again = TestApp.CreateBuilder(state).AddParameter("signing-key", new GenerateParameterDefault { MinLength = 40 }, secret: true).Resource;
        var elsewhere = TestApp.CreateBuilder().AddParameter("signing-key", new GenerateParameterDefault { MinLength = 40 }, secret: true).Resource;

        Assert.Equal(40, first.Value.Length);
        Assert.Equal(first.Value, again.Value);
        Assert.NotEqual(first.Value, elsewhere.Value);
        Assert.True(first.Secret);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state, "secrets.json")));
    }
}
