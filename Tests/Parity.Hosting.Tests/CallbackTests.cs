using Parity.Hosting.Kubernetes;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>
/// Environment, argument and endpoint callbacks: they run inside the one launch-description function, once per target,
/// so the local process, the manifest, the cluster and the parity check all see what they add.
/// </summary>
public sealed class CallbackTests
{
    [Fact]
    public void WhatCallbacksAddReachEveryTargetAndTheParityCheck()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject<Projects.TestService>("api");
        var password = builder.AddParameter("pw", "s3cret", secret: true);
        var seen = new List<EnvironmentTarget>();
        var worker = builder.AddProject<Projects.TestService>("worker")
            .WithEnvironment(context =>
            {
                seen.Add(context.Target);
                context.EnvironmentVariables["MODE"] = context.ExecutionContext.IsPublishMode ? "publish" : "run";
                context.EnvironmentVariables["API_URL"] = api.GetEndpoint("http");
                context.EnvironmentVariables["API_PORT"] = api.GetEndpoint("http").Property(EndpointProperty.Port);
                context.EnvironmentVariables["PASSWORD"] = password;
                context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY");
            })
            .WithEnvironment(async context =>
            {
                await Task.Yield();
                context.EnvironmentVariables["SEES_EARLIER"] = context.EnvironmentVariables.ContainsKey("MODE") ? "yes" : "no";
            })
            .WithEnvironment("LAZY", () => "computed")
            .WithArgs(context => context.Args.Add(context.ExecutionContext.IsRunMode ? "--run" : "--publish"))
            .WithArgs(async context =>
            {
                await Task.Yield();
                context.Args.Add(api.GetEndpoint("http").Property(EndpointProperty.Port));
            });
        var model = ReferenceExpressionTests.Model(builder);

        var local = LaunchDescription.Of(worker.Resource, model, new EnvironmentContext(EnvironmentTarget.Local));
        var renderer = new LocalExpressionRenderer(EndpointAllocation.Allocate(model, randomizePorts: false));
        var env = local.Environment.ToDictionary(e => e.Key, e => e.Value.Render(renderer));
        Assert.Equal(("run", "http://localhost:5299", "5299", "s3cret", "yes", "computed"),
            (env["MODE"], env["API_URL"], env["API_PORT"], env["PASSWORD"], env["SEES_EARLIER"], env["LAZY"]));
        Assert.False(env.ContainsKey("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));
        Assert.True(local.Environment["PASSWORD"].IsSecret);
        Assert.Equal(["--run", "5299"], local.Args.Select(a => a.Render(renderer)));

        var manifest = ParameterAndConnectionStringTests.Manifest(builder)["worker"]!;
        Assert.Equal(("publish", "{api.bindings.http.url}", "{pw.value}", "computed"),
            ((string?)manifest["env"]!["MODE"], (string?)manifest["env"]!["API_URL"], (string?)manifest["env"]!["PASSWORD"], (string?)manifest["env"]!["LAZY"]));
        Assert.Equal(["--publish", "{api.bindings.http.port}"], manifest["args"]!.AsArray().Select(a => (string?)a));

        var output = Directory.CreateTempSubdirectory("parity-k8s-").FullName;
        try
        {
            var root = KubernetesPublisher.Write(model, output, "callbacks");
            var configMap = File.ReadAllText(Path.Combine(root, "base", "worker-configmap.yaml"));
            var deployment = File.ReadAllText(Path.Combine(root, "base", "worker-deployment.yaml"));
            Assert.Contains("MODE: publish", configMap);
            Assert.Contains("API_URL: http://api:8080", configMap);
            Assert.Contains("LAZY: computed", configMap);
            Assert.DoesNotContain("s3cret", configMap + deployment);
            Assert.Contains("name: PASSWORD", deployment);
            Assert.Contains("$(PARAM_PW)", deployment);
            Assert.Contains("--publish", deployment);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        Assert.Contains(EnvironmentTarget.Manifest, seen);
        Assert.Contains(EnvironmentTarget.Cluster, seen);
        var checkedKeys = ParityCheck.LocalKeys(worker.Resource, model, dashboardRuns: false).ToList();
        Assert.Contains("MODE", checkedKeys);
        Assert.Contains("LAZY", checkedKeys);
        Assert.DoesNotContain("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", checkedKeys);
    }

    [Fact]
    public void TheParityCheckReportsAKeyACallbackAddsInOneTargetOnly()
    {
        var builder = TestApp.CreateBuilder();
        var worker = builder.AddProject<Projects.TestService>("worker").WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["DEBUG_ONLY"] = "1";
            }
        });
        var model = ReferenceExpressionTests.Model(builder);
        var clusterKeys = LaunchDescription.Of(worker.Resource, model, KubernetesPublisher.ClusterContext(model)).Environment.Keys.ToHashSet();

        var differences = ParityCheck.Compare(model, dashboardRuns: false, name => name == "worker" ? clusterKeys : null);

        var difference = Assert.Single(differences, d => d.Key == "DEBUG_ONLY");
        Assert.Equal(("worker", true, false), (difference.Resource, difference.Local, difference.Cluster));
    }

    [Fact]
    public async Task ACallbackValueNoTargetCanRenderFailsValidationNamingTheResourceAndTheVariable()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithEnvironment(context => context.EnvironmentVariables["WHEN"] = new object());
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationValidationException>(() => app.StartAsync(TestApp.Timeout()));
        Assert.Contains("Resource 'api'", error.Message);
        Assert.Contains("environment variable 'WHEN' of 'api'", error.Message);
    }

    [Fact]
    public async Task ARunningProcessGetsWhatItsCallbacksAdd()
    {
        var builder = TestApp.CreateBuilder();
        builder.Configuration["Parameters:pw"] = "p@ss/word";
        var password = builder.AddParameter("pw", secret: true);
        var api = builder.AddProject<Projects.TestService>("api")
            .WithEnvironment(async context =>
            {
                await Task.Yield();
                context.EnvironmentVariables["TARGET"] = context.Target.ToString();
                context.EnvironmentVariables["BROKER"] = ReferenceExpression.Create($"amqp://guest:{password:uri}@localhost:5672");
            })
            .WithArgs(context => context.Args.Add("--from-callback"))
            .WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());

        var url = (await app.WaitForHealthyAsync("api")).Urls![0];
        Assert.Equal("Local", await TestApp.GetAsync($"{url}/env/TARGET"));
        Assert.Equal("amqp://guest:p%40ss%2Fword@localhost:5672", await TestApp.GetAsync($"{url}/env/BROKER"));
        Assert.Contains("--from-callback", await TestApp.GetAsync($"{url}/args"));
        Assert.True(app.ResourceNotifications.Get("api")!.Environment!.Single(e => e.Name == "BROKER").IsSecret);
    }

    [Fact]
    public void AnEndpointCallbackChangesAnEndpointOrCreatesIt()
    {
        var builder = TestApp.CreateBuilder();
        var tool = builder.AddExecutable("tool", "sleep", ".", "60").WithHttpEndpoint(name: "http");

        tool.WithEndpoint("http", e => e.TargetPort = 9000)
            .WithEndpoint("metrics", e => (e.UriScheme, e.Port) = ("http", 9100))
            .WithEndpoint("absent", e => e.Port = 1, createIfNotExists: false);

        Assert.Equal(["http", "metrics"], tool.Resource.Endpoints().Select(e => e.Name));
        Assert.Equal(9000, tool.Resource.Endpoints()[0].TargetPort);
        Assert.Equal(("http", 9100), (tool.Resource.Endpoints()[1].UriScheme, tool.Resource.Endpoints()[1].Port));
    }
}
