using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests.Containers;

/// <summary>Which program runs containers locally, and what happens when there is none.</summary>
public sealed class ContainerRuntimeTests : IDisposable
{
    private readonly DirectoryInfo _path = Directory.CreateTempSubdirectory("parity-path-");
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    public void Dispose() => _path.Delete(recursive: true);

    [Fact]
    public void WithNeitherDockerNorPodmanAContainerFailsValidationNamingItAndWhatToInstall()
    {
        _builder.AddContainer("web", "nginx", "1.27");
        var choice = ContainerRuntime.Choose(setting: null, searchPath: _path.FullName);

        var error = Assert.Throws<DistributedApplicationValidationException>(() => Validate(choice));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Resource 'web' is a container (nginx:1.27)", message);
        Assert.Contains("install docker or podman", message);
    }

    [Fact]
    public void BackingServicesWithANativeLauncherNeedNoContainerRuntime()
    {
        _builder.AddPostgres("pg").WithPgAdmin();
        _builder.AddRedis("cache");
        var choice = ContainerRuntime.Choose(setting: null, searchPath: _path.FullName);

        var error = Assert.Throws<DistributedApplicationValidationException>(() => Validate(choice));

        // Only pgAdmin, a container no integration runs natively, needs one.
        Assert.Contains("Resource 'pgadmin' is a container", Assert.Single(error.Errors));
    }

    [Fact]
    public void DockerComesFirstWhenItsDaemonAnswers()
    {
        var docker = FakeProgram("docker", exitCode: 0);
        FakeProgram("podman", exitCode: 0);

        Assert.Equal(new ContainerRuntime("docker", docker), ContainerRuntime.Choose(null, _path.FullName).Runtime);
    }

    [Fact]
    public void PodmanRunsContainersWhenDockersDaemonDoesNotAnswer()
    {
        FakeProgram("docker", exitCode: 1);
        var podman = FakeProgram("podman", exitCode: 0);

        Assert.Equal(new ContainerRuntime("podman", podman), ContainerRuntime.Choose(null, _path.FullName).Runtime);
    }

    [Fact]
    public void ASettingForcesOneAndNamesItWhenItIsMissing()
    {
        FakeProgram("docker", exitCode: 0);
        var podman = FakeProgram("podman", exitCode: 0);

        Assert.Equal(new ContainerRuntime("podman", podman), ContainerRuntime.Choose("podman", _path.FullName).Runtime);
        var missing = ContainerRuntime.Choose("/nowhere/nerdctl", _path.FullName);
        Assert.Null(missing.Runtime);
        Assert.Contains("'/nowhere/nerdctl'", missing.Problem);
    }

    [Fact]
    public async Task AnAppWhoseRuntimeIsMissingStartsNothing()
    {
        var builder = Parity.Testing.DistributedApplicationTestingBuilder.Create([], options => options.ContainerRuntime = "/nowhere/podman");
        builder.AddExecutable("sleeper", "sleep", ".", "30");
        builder.AddContainer("web", "nginx");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => app.StartAsync(TestApp.Timeout()));

        Assert.Contains("Resource 'web' is a container (nginx:latest)", Assert.Single(error.Errors));
        Assert.Empty(app.ResourceNotifications.Current);
    }

    private void Validate(ContainerRuntimeChoice choice) =>
        ModelValidator.Validate(new DistributedApplicationModel([.. _builder.Resources]), forRun: true, randomizePorts: true, choice);

    /// <summary>A stand-in on the search path that answers every command with <paramref name="exitCode"/>.</summary>
    private string FakeProgram(string name, int exitCode)
    {
        var path = Path.Combine(_path.FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\nexit {exitCode}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
