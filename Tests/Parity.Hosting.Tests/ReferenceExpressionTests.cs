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
    public void AWholeResourceCannotBeAHole()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api");
        var error = Assert.Throws<ArgumentException>(() => ReferenceExpression.Create($"{api}"));
        Assert.Contains("'api'", error.Message);
    }

    internal static DistributedApplicationModel Model(IDistributedApplicationBuilder builder) => new([.. builder.Resources]);
}
