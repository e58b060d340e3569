using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests;

public sealed class ResourceEnvironmentTests
{
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();
    private readonly IResourceBuilder<ProjectResource> _api;
    private readonly IResourceBuilder<ProjectResource> _worker;

    public ResourceEnvironmentTests()
    {
        _builder.Configuration["ConnectionStrings:legacy"] = "Server=db;Password=hunter2";
        var legacy = _builder.AddConnectionString("legacy");
        _api = _builder.AddProject<Projects.TestService>("api");
        _worker = _builder.AddProject<Projects.TestService>("worker", "other")
            .WithReference(_api)
            .WithReference(legacy, connectionName: "orders")
            .WithEnvironment("GREETING", "hi")
            .WithEnvironment("API_HOST_PORT", $"{_api.GetEndpoint("http").Host}:{_api.GetEndpoint("http").Port}");
    }

    [Fact]
    public void LocallyAProjectGetsAspiresVariablesRenderedForThisMachine()
    {
        var env = Render(_worker.Resource, new EnvironmentContext(EnvironmentTarget.Local, InstanceId: "worker-1"), randomizePorts: false);

        Assert.Equal("http://localhost:5299", env["services__api__http__0"]);
        Assert.Equal("Server=db;Password=hunter2", env["ConnectionStrings__orders"]);
        Assert.Equal("http://localhost:5298", env["ASPNETCORE_URLS"]);
        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", env["DOTNET_ENVIRONMENT"]);
        Assert.Equal("other", env["FROM_PROFILE"]);
        Assert.Equal("worker", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=worker-1", env["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("hi", env["GREETING"]);
        Assert.Equal("localhost:5299", env["API_HOST_PORT"]);
        Assert.False(env.ContainsKey("HTTP_PORTS"));
        Assert.False(env.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void TheManifestGetsTheSameKeysAsExpressionsAndNoLocalOnlyValues()
    {
        var env = Render(_worker.Resource, new EnvironmentContext(EnvironmentTarget.Manifest), randomizePorts: false, ManifestExpressionRenderer.Instance);

        Assert.Equal("{api.bindings.http.url}", env["services__api__http__0"]);
        Assert.Equal("{legacy.connectionString}", env["ConnectionStrings__orders"]);
        Assert.Equal("{worker.bindings.http.targetPort}", env["HTTP_PORTS"]);
        Assert.Equal("{api.bindings.http.host}:{api.bindings.http.port}", env["API_HOST_PORT"]);
        Assert.False(env.ContainsKey("ASPNETCORE_URLS"));
        Assert.False(env.ContainsKey("FROM_PROFILE"));
        Assert.False(env.ContainsKey("ASPNETCORE_ENVIRONMENT"));
    }

    [Fact]
    public void ExplicitEnvironmentWinsOverDefaults()
    {
        _worker.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Staging");
        var env = Render(_worker.Resource, new EnvironmentContext(EnvironmentTarget.Local), randomizePorts: true);
        Assert.Equal("Staging", env["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void TelemetryExportIsInjectedOnlyWhenACollectorExists()
    {
        var otlp = new OtlpExporterSettings(ReferenceExpression.Literal("http://localhost:4317"), "grpc", ReferenceExpression.Create($"x-otlp-api-key={new RunSecret("k")}"));
        var env = Render(_api.Resource, new EnvironmentContext(EnvironmentTarget.Local, Otlp: otlp), randomizePorts: true);

        Assert.Equal("http://localhost:4317", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=k", env["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.True(ResourceEnvironment.Build(_api.Resource, new EnvironmentContext(EnvironmentTarget.Local, Otlp: otlp))["OTEL_EXPORTER_OTLP_HEADERS"].IsSecret);
        Assert.Equal("1000", env["OTEL_BSP_SCHEDULE_DELAY"]);
    }

    [Fact]
    public void AnEndpointCanTellAnExecutableWhichPortToListenOn()
    {
        var tool = _builder.AddExecutable("tool", "sleep", ".", "1").WithHttpEndpoint(targetPort: 7001, env: "PORT", isProxied: false);
        var env = Render(tool.Resource, new EnvironmentContext(EnvironmentTarget.Local), randomizePorts: false);
        Assert.Equal("7001", env["PORT"]);
    }

    [Fact]
    public void ServiceDiscoveryCoversEveryEndpointOrJustTheOneReferenced()
    {
        var multi = _builder.AddExecutable("multi", "sleep", ".").WithHttpEndpoint(name: "public").WithHttpEndpoint(name: "admin");
        var all = _builder.AddExecutable("all", "sleep", ".").WithReference(multi);
        var one = _builder.AddExecutable("one", "sleep", ".").WithReference(multi.GetEndpoint("admin"));

        var allEnv = Render(all.Resource, new EnvironmentContext(EnvironmentTarget.Manifest), randomizePorts: true, ManifestExpressionRenderer.Instance);
        var oneEnv = Render(one.Resource, new EnvironmentContext(EnvironmentTarget.Manifest), randomizePorts: true, ManifestExpressionRenderer.Instance);

        Assert.Equal("{multi.bindings.public.url}", allEnv["services__multi__public__0"]);
        Assert.Equal("{multi.bindings.admin.url}", allEnv["services__multi__admin__0"]);
        Assert.Equal(["services__multi__admin__0"], oneEnv.Keys.Where(k => k.StartsWith("services__")));
    }

    private Dictionary<string, string> Render(IResource resource, EnvironmentContext context, bool randomizePorts, IExpressionRenderer? renderer = null)
    {
        renderer ??= new LocalExpressionRenderer(EndpointAllocation.Allocate(ReferenceExpressionTests.Model(_builder), randomizePorts));
        return ResourceEnvironment.Build(resource, context).ToDictionary(e => e.Key, e => e.Value.Render(renderer));
    }
}
