using System.Net;
using System.Net.Sockets;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

public sealed class ModelValidationTests
{
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    [Fact]
    public void DuplicateNamesAreRefusedWhateverTheirCase()
    {
        _builder.AddExecutable("worker", "sleep", ".");
        _builder.AddParameter("Worker", "x");
        AssertError("'worker' is declared 2 times", "give each resource its own name");
    }

    [Theory]
    [InlineData("bad_name")]
    [InlineData("1st")]
    [InlineData("two--hyphens")]
    [InlineData("trailing-")]
    public void InvalidNamesAreRefused(string name)
    {
        _builder.AddExecutable(name, "sleep", ".");
        AssertError($"'{name}' is invalid", "letters, digits and single hyphens");
    }

    [Fact]
    public void ACycleOfWaitsIsRefusedAndSpelledOut()
    {
        var a = _builder.AddExecutable("a", "sleep", ".");
        var b = _builder.AddExecutable("b", "sleep", ".");
        var c = _builder.AddExecutable("c", "sleep", ".");
        a.WaitFor(b);
        b.WaitFor(c);
        c.WaitForCompletion(a);
        AssertError("a → b → c → a", "Remove one of these WaitFor calls");
    }

    [Fact]
    public void AReferenceToAResourceNotInTheAppHostIsRefused()
    {
        var ghost = _builder.CreateResourceBuilder(new ExecutableResource("ghost", "sleep", "."));
        _builder.AddExecutable("app", "sleep", ".").WaitFor(ghost);
        AssertError("'app' refers to 'ghost', which is not declared", "builder.Add");
    }

    [Fact]
    public void AnEndpointThatDoesNotExistIsRefused()
    {
        var api = _builder.AddProject<Projects.TestService>("api");
        _builder.AddExecutable("app", "sleep", ".").WithEnvironment("API", api.GetEndpoint("grpc"));
        AssertError("'app' uses endpoint 'api/grpc', which does not exist", "WithHttpEndpoint(name: \"grpc\")");
    }

    [Fact]
    public void TwoEndpointsOnOneFixedPortAreRefused()
    {
        _builder.AddExecutable("one", "sleep", ".").WithHttpEndpoint(port: 6101);
        _builder.AddExecutable("two", "sleep", ".").WithEndpoint(port: 6101, name: "raw");
        AssertError("Port 6101 is used by 'one' (endpoint 'http') and 'two' (endpoint 'raw')", "Give each endpoint its own port");
        ModelValidator.Validate(Model(), forRun: false); // published, each has its own address
    }

    [Fact]
    public void AFixedPortTakenByAnotherProgramIsRefusedBeforeARun()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        _builder.AddExecutable("server", "sleep", ".").WithHttpEndpoint(targetPort: port);
        AssertError($"Port {port} of 'server' (endpoint 'http') is already in use", "Stop that program, or change the port");
    }

    [Fact]
    public void AProjectPathThatDoesNotExistIsRefused()
    {
        _builder.AddProject("missing", "nowhere/Missing.csproj");
        AssertError("Project 'missing'", "does not exist. Fix the path given to AddProject");
    }

    [Fact]
    public void AMissingBinaryFailsARunButNotAPublish()
    {
        _builder.AddExecutable("tool", "parity-no-such-program", ".");
        AssertError("'tool' needs 'parity-no-such-program', which was not found", "install the program");
        ModelValidator.Validate(Model(), forRun: false);
    }

    [Fact]
    public void AParameterWithoutAValueIsRefusedBeforeARun()
    {
        _builder.AddParameter("api-key", secret: true);
        AssertError("Parameter 'api-key' has no value", "Parameters__api-key");
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        _builder.AddProject("missing", "nowhere/Missing.csproj");
        _builder.AddExecutable("tool", "parity-no-such-program", ".");
        var error = Assert.Throws<DistributedApplicationValidationException>(() => ModelValidator.Validate(Model(), forRun: true));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public async Task AnInvalidAppStartsNothing()
    {
        _builder.AddExecutable("sleeper", "sleep", ".", "30");
        _builder.AddExecutable("tool", "parity-no-such-program", ".");
        await using var app = _builder.Build();

        await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => app.StartAsync(TestApp.Timeout()));
        Assert.Empty(app.ResourceNotifications.Current);
    }

    [Fact]
    public void AHealthCheckOnAResourceWithoutAProcessIsRefused()
    {
        _builder.AddParameter("region", "eu").WithHealthCheck("warmed-up");
        var error = Assert.Throws<DistributedApplicationValidationException>(() => ModelValidator.Validate(Model(), forRun: true, healthChecks: ["warmed-up"]));
        Assert.Equal(["Resource 'region' has a health check, but runs no process to be healthy: declare it on a project, executable or container."], error.Errors);
    }

    private void AssertError(params string[] fragments)
    {
        var error = Assert.Throws<DistributedApplicationValidationException>(() => ModelValidator.Validate(Model(), forRun: true));
        var message = Assert.Single(error.Errors);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, message);
        }
    }

    private DistributedApplicationModel Model() => new([.. _builder.Resources]);
}
