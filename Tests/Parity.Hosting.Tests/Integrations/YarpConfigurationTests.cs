using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;
using Parity.Hosting.Yarp;
using Parity.Hosting.Yarp.Transforms;
using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Tests.Integrations;

/// <summary>What a YARP resource's configuration becomes in every target, and what validation refuses.</summary>
public sealed class YarpConfigurationTests
{
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    [Fact]
    public void RoutesMatchesAndTransformsBecomeYarpsConfigurationKeys()
    {
        var gateway = EShopLikeGateway();

        var env = Rendered(gateway.Resource, EnvironmentTarget.Cluster);

        Assert.Equal("cluster_catalog", env["ReverseProxy__Routes__route0__ClusterId"]);
        Assert.Equal("/catalog-api/api/catalog/items", env["ReverseProxy__Routes__route0__Match__Path"]);
        Assert.Equal("api-version", env["ReverseProxy__Routes__route0__Match__QueryParameters__0__Name"]);
        Assert.Equal("2.0", env["ReverseProxy__Routes__route0__Match__QueryParameters__0__Values__1"]);
        Assert.Equal("Exact", env["ReverseProxy__Routes__route0__Match__QueryParameters__0__Mode"]);
        Assert.Equal("/catalog-api", env["ReverseProxy__Routes__route0__Transforms__0__PathRemovePrefix"]);
        Assert.Equal("X-Tenant", env["ReverseProxy__Routes__route1__Match__Headers__0__Name"]);
        Assert.Equal("X-From", env["ReverseProxy__Routes__route1__Transforms__1__RequestHeader"]);
        Assert.Equal("bff", env["ReverseProxy__Routes__route1__Transforms__1__Append"]);
        Assert.DoesNotContain(env.Keys, k => k.EndsWith("__RouteId", StringComparison.Ordinal) || k.EndsWith("__ClusterId", StringComparison.Ordinal) && k.Contains("Clusters", StringComparison.Ordinal));

        // Destinations are service discovery names; where they are comes with the references, rendered for the target.
        Assert.Equal("http://catalog", env["ReverseProxy__Clusters__cluster_catalog__Destinations__destination1__Address"]);
        Assert.Equal("http://_http.identity", env["ReverseProxy__Clusters__cluster_identity__Destinations__destination1__Address"]);
        Assert.Equal("https://example.com/", env["ReverseProxy__Clusters__external__Destinations__destination1__Address"]);
        Assert.Equal("http://catalog:8080", env["services__catalog__http__0"]);
        Assert.Equal("http://identity:8080", env["services__identity__http__0"]);
        Assert.Equal("5000", env["HTTP_PORTS"]);
        Assert.Equal("mobile-bff", env["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void ARouteConfiguredAfterWithConfigurationReturnedIsStillWhatTheProxyGets()
    {
        var backend = _builder.AddProject<Projects.TestService>("backend");
        YarpRoute? route = null;
        var gateway = _builder.AddYarp("gateway").WithConfiguration(yarp => route = yarp.AddRoute("/old/{**rest}", backend));
        route!.WithMatchPath("/new/{**rest}");
        backend.WithHttpsEndpoint(name: "https"); // endpoints declared after the route still count

        var env = Rendered(gateway.Resource, EnvironmentTarget.Cluster);

        Assert.Equal("/new/{**rest}", env["ReverseProxy__Routes__route0__Match__Path"]);
        Assert.Single(env.Keys, k => k.EndsWith("__Match__Path", StringComparison.Ordinal));
        Assert.Equal("https+http://backend", env["ReverseProxy__Clusters__cluster_backend__Destinations__destination1__Address"]);
    }

    [Fact]
    public void TheProxyExportsTelemetryToTheDashboard()
    {
        var gateway = _builder.AddYarp("gateway");
        var otlp = new OtlpExporterSettings(ReferenceExpression.Literal("http://localhost:4317"), "grpc", null);

        var env = LaunchDescription.Of(gateway.Resource, Model(), new EnvironmentContext(EnvironmentTarget.Local, "gateway-1", otlp)).Environment;

        Assert.Equal("http://localhost:4317", env["OTEL_EXPORTER_OTLP_ENDPOINT"].Format);
        Assert.Equal("grpc", env["OTEL_EXPORTER_OTLP_PROTOCOL"].Format);
        Assert.Equal("gateway", env["OTEL_SERVICE_NAME"].Format);
        Assert.Equal("service.instance.id=gateway-1", env["OTEL_RESOURCE_ATTRIBUTES"].Format);
    }

    [Fact]
    public void TheManifestHasTheProxyAsAContainerWithItsConfiguration()
    {
        EShopLikeGateway().WithExternalHttpEndpoints();
        var path = Path.Combine(Directory.CreateTempSubdirectory("parity-manifest-").FullName, "aspire-manifest.json");

        ManifestPublisher.Write(Model(), path);

        var gateway = JsonNode.Parse(File.ReadAllText(path))!["resources"]!["mobile-bff"]!;
        Assert.Equal("container.v0", (string?)gateway["type"]);
        Assert.Equal("parity-yarp:latest", (string?)gateway["image"]);
        Assert.Equal(5000, (int?)gateway["bindings"]!["http"]!["targetPort"]);
        Assert.True((bool?)gateway["bindings"]!["http"]!["external"]);
        Assert.Equal("{catalog.bindings.http.url}", (string?)gateway["env"]!["services__catalog__http__0"]);
        Assert.Equal("http://catalog", (string?)gateway["env"]!["ReverseProxy__Clusters__cluster_catalog__Destinations__destination1__Address"]);
        Assert.Equal("{identity.bindings.http.scheme}://_http.identity",
            (string?)gateway["env"]!["ReverseProxy__Clusters__cluster_identity__Destinations__destination1__Address"]);
    }

    [Fact]
    public void TheClusterRunsTheProxyImageAsADeploymentThatDeployBuilds()
    {
        EShopLikeGateway().WithExternalHttpEndpoints();
        var model = Model();
        var root = KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");
        var files = Path.Combine(root, "base");

        var container = Deserialize<V1Deployment>(Path.Combine(files, "mobile-bff-deployment.yaml")).Spec.Template.Spec.Containers.Single();
        Assert.Equal("parity-yarp:latest", container.Image);
        Assert.Equal(5000, container.Ports.Single().ContainerPort);
        Assert.Equal("/_health", container.ReadinessProbe.HttpGet.Path);
        var env = container.Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("http://catalog", env["ReverseProxy__Clusters__cluster_catalog__Destinations__destination1__Address"]);
        Assert.Equal("http://catalog:8080", env["services__catalog__http__0"]);
        Assert.Equal(5000, Deserialize<V1Service>(Path.Combine(files, "mobile-bff-service.yaml")).Spec.Ports.Single().Port);
        Assert.Equal("mobile-bff", Deserialize<V1Ingress>(Path.Combine(files, "mobile-bff-ingress.yaml")).Spec.Rules[0].Http.Paths[0].Backend.Service.Name);
        Assert.False(File.Exists(Path.Combine(files, "mobile-bff-statefulset.yaml")));

        var overlay = Path.Combine(root, "overlays", "staging");
        var images = OverlayImage.ReadAll(overlay);
        Assert.Equal("registry.example.com/test/parity-yarp", images["parity-yarp"].NewName);
        var build = Assert.Single(DeployCommand.Commands(model, new DeployOptions("staging"), overlay, images), c => c.Args.Contains("-p:ContainerRepository=test/parity-yarp"));
        Assert.EndsWith("ToolImage.csproj", build.Args[1]);
        Assert.Contains("-p:ContainerAppCommandArgs=/app/Parity.Yarp.dll", build.Args);
        Assert.True(File.Exists(Path.Combine(build.Args.Single(a => a.StartsWith("-p:PublishDir=", StringComparison.Ordinal))["-p:PublishDir=".Length..], "Parity.Yarp.dll")));
    }

    [Fact]
    public void TheParityCheckComparesTheProxysKeysLocallyAndInTheCluster()
    {
        EShopLikeGateway();
        var model = Model();
        var root = KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");
        var container = Deserialize<V1Deployment>(Path.Combine(root, "base", "mobile-bff-deployment.yaml")).Spec.Template.Spec.Containers.Single();
        var clusterKeys = container.Env.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        ISet<string> Keys(string name) => name == "mobile-bff"
            ? clusterKeys
            : ParityCheck.LocalKeys(model.Resources.Single(r => r.Name == name), model, dashboardRuns: false).ToHashSet();

        Assert.Contains("ReverseProxy__Routes__route0__Match__Path", clusterKeys);
        Assert.Empty(ParityCheck.Compare(model, dashboardRuns: false, Keys));

        clusterKeys.Remove("ReverseProxy__Routes__route0__Match__Path");
        var missing = Assert.Single(ParityCheck.Compare(model, dashboardRuns: false, Keys));
        Assert.Equal(("mobile-bff", "ReverseProxy__Routes__route0__Match__Path", true, false), (missing.Resource, missing.Key, missing.Local, missing.Cluster));
    }

    [Fact]
    public void ARouteToAResourceWithoutHttpEndpointsIsRefused()
    {
        var worker = _builder.AddExecutable("worker", "sleep", ".");
        _builder.AddYarp("gateway").WithConfiguration(yarp => yarp.AddRoute("/work/{**rest}", worker));

        var error = Assert.Single(Errors());

        Assert.Contains("YARP resource 'gateway' routes to 'worker', which has no http or https endpoint", error);
        Assert.Contains("WithHttpEndpoint()", error);
    }

    [Fact]
    public void TwoRoutesMatchingTheSameRequestsAreRefused()
    {
        var backend = _builder.AddProject<Projects.TestService>("backend");
        _builder.AddYarp("gateway").WithConfiguration(yarp =>
        {
            yarp.AddRoute("/api/{**rest}", backend);
            yarp.AddRoute("/API/{**rest}", backend);
            yarp.AddRoute("/api/{**rest}", backend).WithMatchHeaders(new RouteHeader { Name = "X-Version", Values = ["2"] }); // told apart
        });

        var error = Assert.Single(Errors());

        Assert.Contains("'gateway' has 2 routes (route0, route1) that match the same requests (path '/api/{**rest}')", error);
        Assert.Contains("WithMatchHeaders", error);
    }

    private IResourceBuilder<YarpResource> EShopLikeGateway()
    {
        var catalog = _builder.AddProject<Projects.TestService>("catalog");
        var identity = _builder.AddProject<Projects.TestService>("identity");
        return _builder.AddYarp("mobile-bff").WithConfiguration(yarp =>
        {
            var catalogCluster = yarp.AddCluster(catalog);
            yarp.AddRoute("/catalog-api/api/catalog/items", catalogCluster)
                .WithMatchRouteQueryParameter([new() { Name = "api-version", Values = ["1.0", "2.0"], Mode = QueryParameterMatchMode.Exact }])
                .WithTransformPathRemovePrefix("/catalog-api");
            yarp.AddRoute("/identity/{*any}", identity.GetEndpoint("http"))
                .WithMatchHeaders(new RouteHeader { Name = "X-Tenant", Values = ["a"] })
                .WithTransformPathRemovePrefix("/identity")
                .WithTransformRequestHeader("X-From", "bff");
            yarp.AddRoute("/docs/{**rest}", yarp.AddCluster("external", "https://example.com/"));
        });
    }

    private DistributedApplicationModel Model() => new([.. _builder.Resources]);

    private IReadOnlyList<string> Errors() =>
        Assert.Throws<DistributedApplicationValidationException>(() => ModelValidator.Validate(Model(), forRun: false)).Errors;

    private Dictionary<string, string> Rendered(IResource resource, EnvironmentTarget target)
    {
        var renderer = new ClusterExpressionRenderer();
        return LaunchDescription.Of(resource, Model(), new EnvironmentContext(target)).Environment
            .ToDictionary(e => e.Key, e => e.Value.Render(renderer));
    }

    private static T Deserialize<T>(string file) => KubernetesYaml.Deserialize<T>(File.ReadAllText(file), strict: true);
}
