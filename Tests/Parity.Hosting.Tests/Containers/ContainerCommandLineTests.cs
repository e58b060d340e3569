using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Parity.Hosting.Tests.Containers;

/// <summary>The <c>docker run</c> / <c>podman run</c> a container resource gets, from its launch description rendered for this machine.</summary>
public sealed class ContainerCommandLineTests
{
    private static readonly ContainerRuntime Podman = new("podman", "/usr/bin/podman");

    [Fact]
    public void EveryOptionOfTheModelReachesTheRunCommandAndNoValueIsOnIt()
    {
        var builder = TestApp.CreateBuilder();
        var token = builder.AddParameter("token", "s3cr3t-value", secret: true);
        var web = builder.AddContainer("web", "nginx", "1.27")
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: 8080, env: "PORT")
            .WithEnvironment("GREETING", "hello")
            .WithEnvironment("TOKEN", token)
            .WithBindMount("site", "/usr/share/nginx/html", isReadOnly: true)
            .WithVolume("web-cache", "/var/cache/nginx")
            .WithVolume("/tmp/scratch")
            .WithEntrypoint("/docker-entrypoint.sh")
            .WithContainerRuntimeArgs("--cap-add", "NET_ADMIN")
            .WithArgs("nginx", "-g", "daemon off;");
        var (environment, args) = RenderLocally(builder, web.Resource);

        var spec = ContainerCommandLine.For(web.Resource, Podman, "web-1234abcd", environment, args, "/apphost", TimeSpan.FromSeconds(7));

        var site = Path.Combine(builder.AppHostDirectory, "site");
        Assert.Equal("/usr/bin/podman", spec.FileName);
        Assert.Equal(
            ["run", "--rm", "--name", "web-1234abcd", "--network", "host", "--label", "parity.resource=web",
             "-e", "GREETING", "-e", "PORT", "-e", "TOKEN",
             "-v", $"{site}:/usr/share/nginx/html:ro", "-v", "web-cache:/var/cache/nginx", "-v", "/tmp/scratch",
             "--entrypoint", "/docker-entrypoint.sh", "--cap-add", "NET_ADMIN",
             "docker.io/nginx:1.27", "nginx", "-g", "daemon off;"],
            spec.Args);
        // Values travel in the client's environment (-e NAME takes them from there), never on the command line.
        Assert.Equal("s3cr3t-value", spec.Environment["TOKEN"]);
        Assert.Equal("hello", spec.Environment["GREETING"]);
        Assert.DoesNotContain(spec.Args, a => a.Contains("s3cr3t", StringComparison.Ordinal));
        Assert.Equal(["stop", "-t", "7", "web-1234abcd"], spec.StopCommand!.Args);
    }

    [Fact]
    public void ADeclaredPullPolicyIsTheRunCommandsPullOptionAndTheDefaultAddsNone()
    {
        var builder = TestApp.CreateBuilder();
        var always = builder.AddContainer("always", "nginx").WithImagePullPolicy(ImagePullPolicy.Missing).WithImagePullPolicy(ImagePullPolicy.Always);
        var standard = builder.AddContainer("standard", "nginx").WithImagePullPolicy(ImagePullPolicy.Default);

        var pulled = ContainerCommandLine.For(always.Resource, Podman, "always-1", new Dictionary<string, string>(), [], "/apphost", TimeSpan.FromSeconds(1));
        var plain = ContainerCommandLine.For(standard.Resource, Podman, "standard-1", new Dictionary<string, string>(), [], "/apphost", TimeSpan.FromSeconds(1));

        Assert.Equal(["--pull=always", "nginx:latest"], pulled.Args.TakeLast(2));
        Assert.DoesNotContain(plain.Args, a => a.StartsWith("--pull", StringComparison.Ordinal));
    }

    [Fact]
    public void AContainerToldItsPortListensOnAFreeOneAndOtherwiseOnItsTargetPort()
    {
        var builder = TestApp.CreateBuilder();
        var told = builder.AddContainer("told", "busybox").WithHttpEndpoint(targetPort: 8080, env: "PORT");
        var fixedPort = builder.AddContainer("fixed", "nginx").WithHttpEndpoint(port: 9000, targetPort: 80);

        Assert.Null(EndpointAllocation.FixedPort(told.Resource, told.Resource.Endpoints()[0], randomizePorts: false));
        // Sharing the host's network, nginx listens on 80 whatever port was asked for: locally its endpoint is there.
        Assert.Equal(80, EndpointAllocation.FixedPort(fixedPort.Resource, fixedPort.Resource.Endpoints()[0], randomizePorts: true));
    }

    [Theory]
    [InlineData("nginx", "nginx", "latest")]
    [InlineData("nginx:1.27", "nginx", "1.27")]
    [InlineData("registry.local:5000/team/app", "registry.local:5000/team/app", "latest")]
    [InlineData("registry.local:5000/team/app:2.1", "registry.local:5000/team/app", "2.1")]
    public void AnImageMayCarryItsTag(string reference, string image, string tag)
    {
        var container = TestApp.CreateBuilder().AddContainer("c", reference);

        var annotation = Assert.Single(container.Resource.AnnotationsOf<ContainerImageAnnotation>());
        Assert.Equal((image, tag), (annotation.Image, annotation.Tag));
    }

    [Fact]
    public void ImageOptionsReplaceOneImageAndKeepWhatTheyDoNotSet()
    {
        var container = TestApp.CreateBuilder().AddContainer("c", "nginx", "1.25")
            .WithImageRegistry("ghcr.io")
            .WithEntrypoint("/bin/sh")
            .WithImageTag("1.27")
            .WithImage("library/nginx")
            .WithLifetime(ContainerLifetime.Persistent)
            .WithLifetime(ContainerLifetime.Session);

        var image = Assert.Single(container.Resource.AnnotationsOf<ContainerImageAnnotation>());
        Assert.Equal("ghcr.io/library/nginx:latest", image.Reference);
        Assert.Equal("/bin/sh", image.Entrypoint);
        Assert.Equal(ContainerLifetime.Session, Assert.Single(container.Resource.AnnotationsOf<ContainerLifetimeAnnotation>()).Lifetime);
    }

    [Fact]
    public void TheContainerNameIsTheResourcesPlusItsAppHostsSoRunsOfOtherAppHostsNeverCollide()
    {
        var web = TestApp.CreateBuilder().AddContainer("web", "nginx").Resource;

        var name = ContainerCommandLine.ContainerName(web, "/apps/one/.parity", replica: null);

        Assert.Matches("^web-[0-9a-f]{8}$", name);
        Assert.Equal(name, ContainerCommandLine.ContainerName(web, "/apps/one/.parity", replica: null));
        Assert.NotEqual(name, ContainerCommandLine.ContainerName(web, "/apps/two/.parity", replica: null));
        Assert.Equal($"{name}-1", ContainerCommandLine.ContainerName(web, "/apps/one/.parity", replica: 1));
    }

    private static (Dictionary<string, string> Environment, List<string> Args) RenderLocally(IDistributedApplicationTestingBuilder builder, IResource resource)
    {
        var model = new DistributedApplicationModel([.. builder.Resources]);
        var renderer = new LocalExpressionRenderer(EndpointAllocation.Allocate(model, randomizePorts: true));
        var launch = LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Local));
        return (launch.Environment.ToDictionary(e => e.Key, e => e.Value.Render(renderer)), [.. launch.Args.Select(a => a.Render(renderer))]);
    }
}
