using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests;

public sealed class ReferenceExpressionTests
{
    [Fact]
    public void EachTargetRendersTheSameHolesInItsOwnWay()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api");
        var password = builder.AddParameter("pw", secret: true);
        builder.Configuration["Parameters:pw"] = "s3cret";
        var http = api.GetEndpoint("http");

        var expression = ReferenceExpression.Create($"Host={http.Host};Port={http.Port};Url={http};Password={password}");

        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: false));
        Assert.Equal("Host=localhost;Port=5299;Url=http://localhost:5299;Password=s3cret", expression.Render(local));
        Assert.Equal(
            "Host={api.bindings.http.host};Port={api.bindings.http.port};Url={api.bindings.http.url};Password={pw.value}",
            expression.Render(ManifestExpressionRenderer.Instance));
        Assert.Equal("Host={0};Port={1};Url={2};Password={3}", expression.Format);
        Assert.True(expression.IsSecret);
    }

    [Fact]
    public void ValuesAreReadWhenRenderedNotWhenTheExpressionIsBuilt()
    {
        var builder = TestApp.CreateBuilder();
        var tag = builder.AddParameter("tag");
        var expression = ReferenceExpression.Create($"v-{tag}");
        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: true));

        builder.Configuration["Parameters:tag"] = "1";
        Assert.Equal("v-1", expression.Render(local));
        builder.Configuration["Parameters:tag"] = "2";
        Assert.Equal("v-2", expression.Render(local));
        Assert.False(expression.IsSecret);
    }

    [Fact]
    public void ConnectionStringsNestAndCarryTheirSecrecy()
    {
        var builder = TestApp.CreateBuilder();
        builder.Configuration["ConnectionStrings:legacy"] = "Server=db;Password=hunter2";
        var legacy = builder.AddConnectionString("legacy");
        var expression = ReferenceExpression.Create($"{legacy};Timeout=5");
        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: true));

        Assert.Equal("Server=db;Password=hunter2;Timeout=5", expression.Render(local));
        Assert.Equal("{legacy.connectionString};Timeout=5", expression.Render(ManifestExpressionRenderer.Instance));
        Assert.True(expression.IsSecret);
    }

    [Fact]
    public void LiteralBracesSurviveRenderingAndAreEscapedInTheFormat()
    {
        var builder = TestApp.CreateBuilder();
        var name = builder.AddParameter("name", "world");
        var expression = ReferenceExpression.Create($"{{\"hello\": \"{name}\"}}");
        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: true));

        Assert.Equal("{\"hello\": \"world\"}", expression.Render(local));
        Assert.Equal("{{\"hello\": \"{0}\"}}", expression.Format);
    }

    [Fact]
    public void OnlyStringsAndValueProvidersCanBeHolesAsInAspire()
    {
        // Every AppendFormatted overload takes a string or is constrained to value providers, so `$"{api}"` with a project,
        // or `$"{42}"`, does not compile: there is no overload for an arbitrary object.
        Type[] handlers = [typeof(ReferenceExpression.ExpressionInterpolatedStringHandler), typeof(ReferenceExpressionBuilder.ReferenceExpressionBuilderInterpolatedStringHandler)];
        foreach (var method in handlers.SelectMany(h => h.GetMethods()).Where(m => m.Name == "AppendFormatted"))
        {
            var value = method.GetParameters()[0].ParameterType;
            if (value == typeof(string))
            {
                continue;
            }
            var constrained = value.IsGenericParameter ? value : value.GetGenericArguments().Single();
            Assert.Contains(typeof(IExpressionValue), constrained.GetGenericParameterConstraints());
        }
    }

    [Fact]
    public void TheUriFormatEscapesAValueInEveryTarget()
    {
        var builder = TestApp.CreateBuilder();
        builder.Configuration["Parameters:pw"] = "p@ss/w:rd";
        var user = builder.AddParameter("user", "guest");
        var password = builder.AddParameter("pw", secret: true);
        var api = builder.AddProject<Projects.TestService>("api");
        var http = api.GetEndpoint("http");

        var expression = ReferenceExpression.Create($"amqp://{user:uri}:{password:uri}@{http.Property(EndpointProperty.HostAndPort)}/{"a b":uri}");

        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: false));
        Assert.Equal("amqp://guest:p%40ss%2Fw%3Ard@localhost:5299/a%20b", expression.Render(local));
        Assert.Equal("amqp://{user.value:uri}:{pw.value:uri}@{api.bindings.http.host}:{api.bindings.http.port}/a%20b",
            expression.Render(ManifestExpressionRenderer.Instance));
        var cluster = new Parity.Hosting.Kubernetes.ClusterExpressionRenderer();
        Assert.Equal("amqp://guest:$(PARAM_PW_URI)@api:8080/a%20b", expression.Render(cluster));
        Assert.Equal(["pw"], cluster.UriEncodedSecretParameters.Select(p => p.Name));
        Assert.Empty(cluster.SecretParameters);
        Assert.True(expression.IsSecret);
    }

    [Fact]
    public void AnUnknownFormatFailsNamingTheSupportedOne()
    {
        var builder = TestApp.CreateBuilder();
        var name = builder.AddParameter("name", "world");
        var error = Assert.Throws<FormatException>(() => ReferenceExpression.Create($"{name:x}"));
        Assert.Contains("'uri'", error.Message);
    }

    [Fact]
    public void TheExpressionBuilderAppendsLiteralsValueProvidersAndInterpolatedStrings()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api");
        var password = builder.AddParameter("pw", "s3cret/", secret: true);
        var timeout = builder.AddParameter("timeout", "5");

        var connection = new ReferenceExpressionBuilder();
        Assert.True(connection.IsEmpty);
        connection.AppendLiteral("Endpoint=");
        connection.AppendFormatted(api.GetEndpoint("http"));
        connection.Append($";Password={password:uri}");
        connection.AppendValueProvider(timeout, format: null);
        connection.AppendFormatted(";Mode={x}");
        var expression = connection.Build();

        var local = new LocalExpressionRenderer(EndpointAllocation.Allocate(Model(builder), randomizePorts: false));
        Assert.Equal("Endpoint=http://localhost:5299;Password=s3cret%2F5;Mode={x}", expression.Render(local));
        Assert.Equal("Endpoint={api.bindings.http.url};Password={pw.value:uri}{timeout.value};Mode={x}",
            expression.Render(ManifestExpressionRenderer.Instance));
        Assert.Equal("Endpoint={0};Password={1}{2};Mode={{x}}", expression.Format);
        Assert.True(expression.IsSecret);
        Assert.Throws<ArgumentException>(() => connection.AppendValueProvider(42));
    }

    internal static DistributedApplicationModel Model(IDistributedApplicationBuilder builder) => new([.. builder.Resources]);
}
