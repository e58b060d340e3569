using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>The model behind the dev-loop calls (parents, icons, probes), and the mistakes validation refuses.</summary>
public sealed class DevLoopModelTests
{
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    [Fact]
    public void AParentRelationshipNestsTheResourceWithoutMakingItShareTheParentsState()
    {
        var store = _builder.AddExecutable("store", "sleep", ".");
        var worker = _builder.AddExecutable("worker", "sleep", ".").WithParentRelationship(store).WithIconName("Toolbox", IconVariant.Regular);

        Assert.Same(store.Resource, worker.Resource.DisplayParent());
        Assert.IsNotAssignableFrom<IResourceWithParent>(worker.Resource);
        var icon = Assert.Single(worker.Resource.AnnotationsOf<ResourceIconAnnotation>());
        Assert.Equal(("Toolbox", IconVariant.Regular), (icon.IconName, icon.IconVariant));
        Assert.Throws<DistributedApplicationException>(() => store.WithParentRelationship(store));
    }

    [Fact]
    public void AnHttpProbeTakesTheHttpEndpointAndItsDefaultsAndASecondOfTheSameTypeReplacesIt()
    {
        var api = _builder.AddProject<Projects.TestService>("api")
            .WithHttpProbe(ProbeType.Readiness, "/ready")
            .WithHttpProbe(ProbeType.Readiness, "/ready2", periodSeconds: 7)
            .WithHttpProbe(ProbeType.Liveness);

        var probes = api.Resource.AnnotationsOf<EndpointProbeAnnotation>().ToList();
        Assert.Equal([(ProbeType.Readiness, "/ready2", 7), (ProbeType.Liveness, "/", 5)], probes.Select(p => (p.Type, p.Path, p.PeriodSeconds)));
        Assert.All(probes, p => Assert.Equal("http", p.EndpointReference.EndpointName));
        Assert.Throws<DistributedApplicationException>(() => api.WithHttpProbe(ProbeType.Liveness, successThreshold: 2));
        Assert.Throws<DistributedApplicationException>(() => api.WithHttpProbe(ProbeType.Startup, endpointName: "nope"));
    }

    [Fact]
    public void ARelativeUrlWithoutAnEndpointIsRefused()
    {
        _builder.AddExecutable("tool", "sleep", ".").WithUrl("/swagger", "Swagger");
        AssertError(forRun: true, "'tool' has the relative URL '/swagger'", "use WithUrlForEndpoint");
    }

    [Fact]
    public void ACycleOfParentsIsRefusedOnce()
    {
        var a = _builder.AddExecutable("a", "sleep", ".");
        var b = _builder.AddExecutable("b", "sleep", ".").WithParentRelationship(a);
        a.WithParentRelationship(b);
        AssertError(forRun: true, "a → b → a", "Remove one of these WithParentRelationship calls");
    }

    [Fact]
    public void PublishingRefusesAPublishedResourceThatRefersToAnExcludedOneButARunAllowsIt()
    {
        var tool = _builder.AddProject<Projects.TestService>("tool").ExcludeFromManifest();
        _builder.AddProject<Projects.TestService>("api").WithReference(tool);

        AssertError(forRun: false, "'api' refers to 'tool', which is excluded from the manifest", "exclude 'api' too, or publish 'tool'");
        ModelValidator.Validate(Model(), forRun: true, randomizePorts: true);
    }

    private void AssertError(bool forRun, params string[] fragments)
    {
        var error = Assert.Throws<DistributedApplicationValidationException>(() => ModelValidator.Validate(Model(), forRun, randomizePorts: true));
        var message = Assert.Single(error.Errors);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, message);
        }
    }

    private DistributedApplicationModel Model() => new([.. _builder.Resources]);
}
