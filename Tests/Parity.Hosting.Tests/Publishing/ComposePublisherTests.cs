using Parity.Hosting.Docker;
using Parity.Testing;
using YamlDotNet.Serialization;

namespace Parity.Hosting.Tests.Publishing;

/// <summary>The Compose publisher on small models: what Compose would interpolate, and what depends_on waits for.</summary>
public sealed class ComposePublisherTests
{
    [Fact]
    public void ASecretIsInterpolatedFromEnvAndEveryOtherDollarReachesTheContainerAsItIs()
    {
        var builder = TestApp.CreateBuilder();
        var token = builder.AddParameter("api-token", "known-secret-value-0123456789", secret: true);
        builder.AddContainer("tool", "busybox", "1.36")
            .WithEnvironment("TOKEN", token)
            .WithEnvironment("PRICE", "$5 or ${NOT_A_VARIABLE}")
            .WithArgs("sh", "-c", "echo $TOKEN");

        var (services, text, envExample) = Publish(builder);

        var environment = (Dictionary<object, object>)services["tool"]["environment"];
        Assert.Equal("${API_TOKEN}", environment["TOKEN"]);
        Assert.Equal("$$5 or $${NOT_A_VARIABLE}", environment["PRICE"]);
        Assert.Equal(["sh", "-c", "echo $$TOKEN"], ((List<object>)services["tool"]["command"]).Cast<string>());
        Assert.DoesNotContain("known-secret-value-0123456789", text, StringComparison.Ordinal);
        Assert.Contains("\nAPI_TOKEN=\n", envExample, StringComparison.Ordinal);
    }

    [Fact]
    public void DependsOnWaitsForHealthWhereThereIsACheckForStartWhereThereIsNoneAndForCompletion()
    {
        var builder = TestApp.CreateBuilder();
        var plain = builder.AddContainer("plain", "busybox", "1.36");
        var migrations = builder.AddProject<Projects.TestService>("migrations", o => o.ExcludeLaunchProfile = true).WithArgs("migrate");
        var api = builder.AddProject<Projects.TestService>("api").WithHttpHealthCheck("/health");
        builder.AddProject<Projects.TestService>("web")
            .WaitFor(plain)
            .WaitFor(api)
            .WaitForCompletion(migrations);

        var (services, _, _) = Publish(builder);

        var dependsOn = ((Dictionary<object, object>)services["web"]["depends_on"])
            .ToDictionary(d => (string)d.Key, d => (string)((Dictionary<object, object>)d.Value)["condition"]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["plain"] = "service_started",
            ["api"] = "service_healthy",
            ["migrations"] = "service_completed_successfully",
        }, dependsOn);
        Assert.Equal("no", services["migrations"]["restart"]);
        Assert.False(services["migrations"].ContainsKey("healthcheck"));
        Assert.False(services["plain"].ContainsKey("healthcheck"));
        Assert.True(services["api"].ContainsKey("healthcheck"));
    }

    [Fact]
    public void ADeclaredPullPolicyIsTheServicesPullPolicy()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddContainer("pinned", "busybox", "1.36").WithImagePullPolicy(ImagePullPolicy.Never);
        builder.AddContainer("plain", "busybox", "1.36");

        var (services, _, _) = Publish(builder);

        Assert.Equal("never", services["pinned"]["pull_policy"]);
        Assert.False(services["plain"].ContainsKey("pull_policy"));
    }

    private static (Dictionary<string, Dictionary<object, object>> Services, string Text, string EnvExample) Publish(IDistributedApplicationTestingBuilder builder)
    {
        var output = Directory.CreateTempSubdirectory("parity-compose-").FullName;
        try
        {
            var root = ComposePublisher.Write(new DistributedApplicationModel([.. builder.Resources]), output, "test");
            var text = File.ReadAllText(Path.Combine(root, ComposePublisher.ComposeFileName));
            var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(text);
            var services = ((Dictionary<object, object>)file["services"])
                .ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value, StringComparer.Ordinal);
            return (services, text, File.ReadAllText(Path.Combine(root, ComposePublisher.EnvExampleFileName)));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
