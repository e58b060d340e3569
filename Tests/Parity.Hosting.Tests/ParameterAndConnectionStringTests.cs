using System.Text.Json.Nodes;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests;

/// <summary>Parameters' options and connection strings composed in the AppHost, as Aspire declares them.</summary>
public sealed class ParameterAndConnectionStringTests
{
    [Fact]
    public void OnlyAValuePublishedAsDefaultIsTheManifestsDefault()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddParameter("published", "200", publishValueAsDefault: true);
        builder.AddParameter("kept", "300");
        builder.Configuration["Parameters:configured"] = "400";
        builder.AddParameter("configured");

        var resources = Manifest(builder);

        Assert.Equal("200", (string?)resources["published"]!["inputs"]!["value"]!["default"]!["value"]);
        Assert.Null(resources["kept"]!["inputs"]!["value"]!["default"]);
        Assert.Null(resources["configured"]!["inputs"]!["value"]!["default"]);
    }

    [Fact]
    public void AParameterFromConfigurationReadsItsOwnKeyAndNamesItWhenMissing()
    {
        var builder = TestApp.CreateBuilder();
        builder.Configuration["Store:Region"] = "eu-west";
        builder.Configuration["Parameters:region"] = "not this one";
        var region = builder.AddParameterFromConfiguration("region", "Store:Region");
        var apiKey = builder.AddParameterFromConfiguration("api-key", "Store:ApiKey", secret: true);

        Assert.Equal("eu-west", region.Resource.Value);
        Assert.True(apiKey.Resource.Secret);
        var error = Assert.Throws<DistributedApplicationException>(() => apiKey.Resource.Value);
        Assert.Contains("Set 'Store:ApiKey'", error.Message);
        Assert.Contains("'Store__ApiKey'", error.Message);
        Assert.Equal("{region.inputs.value}", (string?)Manifest(builder)["region"]!["value"]);
    }

    [Fact]
    public void ASecretsValueIsNeverPublishedAsDefault()
    {
        var builder = TestApp.CreateBuilder();
        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddParameter("pw", "hunter2", publishValueAsDefault: true, secret: true));
        Assert.Contains("'pw' is secret", error.Message);
    }

    [Fact]
    public async Task ADescriptionAndACustomInputAreRecordedAndTheDescriptionReachesTheSnapshot()
    {
        var builder = TestApp.CreateBuilder();
        var url = builder.AddParameter("external-url", "https://example.com")
            .WithDescription("The **external** service's URL.", enableMarkdown: true)
            .WithCustomInput(p => new InteractionInput { Name = p.Name, InputType = InputType.Text, Description = p.Description, Placeholder = "https://..." });

        Assert.Equal(("The **external** service's URL.", true), (url.Resource.Description, url.Resource.EnableDescriptionMarkdown));
        var input = url.Resource.AnnotationsOf<CustomInputAnnotation>().Single().CreateInput(url.Resource);
        Assert.Equal(("external-url", InputType.Text, "The **external** service's URL."), (input.Name, input.InputType, input.Description));

        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var snapshot = await app.WaitForAsync("external-url", s => s.State == ResourceState.Running);
        Assert.Equal("The **external** service's URL.", snapshot.Description);
    }

    [Fact]
    public void AConnectionStringComposedOfValuesRendersInEveryTargetAndIsAValueInTheManifest()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api");
        var key = builder.AddParameter("key", "k/1", secret: true);
        var composed = builder.AddConnectionString("composed", ReferenceExpression.Create($"Endpoint={api.GetEndpoint("http")};Key={key}"));
        var built = builder.AddConnectionString("built", b =>
        {
            b.Append($"Endpoint={api.GetEndpoint("http")}");
            b.AppendLiteral(";Optional=yes");
        });
        var worker = builder.AddProject<Projects.TestService>("worker").WithReference(composed).WithReference(built);

        Assert.True(composed.Resource.IsValueOnly());
        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(ReferenceExpressionTests.Model(builder), randomizePorts: false));
        var env = ResourceEnvironment.Build(worker.Resource, new EnvironmentContext(EnvironmentTarget.Local)).ToDictionary(e => e.Key, e => e.Value.Render(local));
        Assert.Equal("Endpoint=http://localhost:5299;Key=k/1", env["ConnectionStrings__composed"]);
        Assert.Equal("Endpoint=http://localhost:5299;Optional=yes", env["ConnectionStrings__built"]);

        var resources = Manifest(builder);
        Assert.Equal("value.v0", (string?)resources["composed"]!["type"]);
        Assert.Equal("Endpoint={api.bindings.http.url};Key={key.value}", (string?)resources["composed"]!["connectionString"]);
        Assert.Equal("{composed.connectionString}", (string?)resources["worker"]!["env"]!["ConnectionStrings__composed"]);
    }

    [Fact]
    public void RabbitMQsConnectionStringEscapesItsPasswordInEveryTarget()
    {
        var builder = TestApp.CreateBuilder();
        builder.Configuration["Parameters:pw"] = "p@ss/w";
        var rabbit = builder.AddRabbitMQ("rabbitmq", password: builder.AddParameter("pw", secret: true));
        var worker = builder.AddProject<Projects.TestService>("worker").WithReference(rabbit);
        var model = ReferenceExpressionTests.Model(builder);

        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(model, randomizePorts: true));
        Assert.Matches(@"^amqp://guest:p%40ss%2Fw@localhost:\d+$", rabbit.Resource.ConnectionStringExpression.Render(local));
        Assert.Equal("amqp://guest:{pw.value:uri}@{rabbitmq.bindings.tcp.host}:{rabbitmq.bindings.tcp.port}",
            (string?)Manifest(builder)["rabbitmq"]!["connectionString"]);

        var output = Directory.CreateTempSubdirectory("parity-k8s-").FullName;
        try
        {
            var root = Parity.Hosting.Kubernetes.KubernetesPublisher.Write(model, output, "uri");
            var deployment = File.ReadAllText(Path.Combine(root, "base", "worker-deployment.yaml"));
            Assert.Contains("value: amqp://guest:$(PARAM_PW_URI)@rabbitmq:5672", deployment);
            Assert.Contains("key: pw.uri", deployment);
            var example = File.ReadAllLines(Path.Combine(root, "overlays", "dev", "secrets.env.example"));
            Assert.Contains("pw.uri=", example);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    internal static JsonNode Manifest(IDistributedApplicationBuilder builder)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("parity-manifest-").FullName, "aspire-manifest.json");
        try
        {
            ManifestPublisher.Write(ReferenceExpressionTests.Model(builder), path);
            return JsonNode.Parse(File.ReadAllText(path))!["resources"]!;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
