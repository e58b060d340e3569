using System.Text;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests;

/// <summary>One launch description per resource: what the process gets, what the dashboard shows, and how the cluster runs it.</summary>
public sealed class LaunchDescriptionTests
{
    [Fact]
    public async Task ABackingServiceProcessGetsExactlyTheEnvironmentTheDashboardShows()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddPostgres("pg");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("pg");

        var snapshot = app.ResourceNotifications.Get("pg")!;
        var pid = snapshot.Replicas!.Single().Pid!.Value;
        var received = ProcessEnvironment(pid);

        var shown = snapshot.Environment!;
        Assert.Contains(shown, v => v.Name == "POSTGRES_USER" && v.Value == "postgres" && !v.IsSecret);
        Assert.Contains(shown, v => v.Name == "POSTGRES_PASSWORD" && v.Value is null && v.IsSecret);
        foreach (var variable in shown)
        {
            Assert.True(received.ContainsKey(variable.Name), $"{variable.Name} is shown but the process did not get it");
            Assert.True(variable.IsSecret || received[variable.Name] == variable.Value, $"{variable.Name} is shown with another value");
        }
    }

    [Fact]
    public void AResourceRunsOnceWhenAnotherWaitsForItsCompletionOrItNeverRestarts()
    {
        var builder = TestApp.CreateBuilder();
        var migrations = builder.AddProject<Projects.TestService>("migrations");
        var seeder = builder.AddProject<Projects.TestService>("seeder").WithRestartPolicy(RestartPolicy.Never);
        var api = builder.AddProject<Projects.TestService>("api").WaitForCompletion(migrations);
        var model = new DistributedApplicationModel([.. builder.Resources]);
        bool RunsOnce(IResource resource) => LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Cluster)).RunsOnce;

        Assert.True(RunsOnce(migrations.Resource));
        Assert.True(RunsOnce(seeder.Resource));
        Assert.False(RunsOnce(api.Resource));

        // The cluster runs what runs once as a Job, whichever way it was declared.
        var root = KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");
        Assert.True(File.Exists(Path.Combine(root, "base", "seeder-job.yaml")));
        Assert.False(File.Exists(Path.Combine(root, "base", "seeder-deployment.yaml")));
        Assert.True(File.Exists(Path.Combine(root, "base", "migrations-job.yaml")));
        Assert.True(File.Exists(Path.Combine(root, "base", "api-deployment.yaml")));
    }

    private static Dictionary<string, string> ProcessEnvironment(int pid) =>
        Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);
}
