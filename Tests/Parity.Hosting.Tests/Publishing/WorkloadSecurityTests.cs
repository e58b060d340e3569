using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

public sealed class WorkloadSecurityTests
{
    [Fact]
    public void EachWorkloadRunsAsItsImagesUserWithAReadOnlyRootAndOnlyTheTokenItUses()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddPostgres("pg").WithDataVolume().AddDatabase("db");
        var migrations = builder.AddProject<Projects.TestService>("migrations").WithReference(db).WaitFor(db);
        builder.AddProject<Projects.TestService>("api").WithReference(db).WaitForCompletion(migrations);
        var root = Publish(builder);

        var postgres = Pod<V1StatefulSet>(root, "pg-statefulset.yaml");
        Assert.Equal((999L, 999L, 999L), (postgres.SecurityContext.RunAsUser!.Value, postgres.SecurityContext.RunAsGroup!.Value, postgres.SecurityContext.FsGroup!.Value));
        Assert.False(postgres.AutomountServiceAccountToken);
        Assert.Equal(["/var/lib/postgresql/data", "/docker-entrypoint-initdb.d", "/var/run/postgresql", "/tmp"], postgres.Containers[0].VolumeMounts.Select(m => m.MountPath));
        Assert.All(postgres.Volumes.Where(v => v.Name.StartsWith("writable-", StringComparison.Ordinal)), v => Assert.NotNull(v.EmptyDir));
        Assert.NotNull(postgres.Containers[0].LivenessProbe.TcpSocket);
        Assert.NotNull(postgres.Containers[0].Resources.Limits["memory"]);

        var api = Pod<V1Deployment>(root, "api-deployment.yaml");
        Assert.Equal(PodSecurity.DotnetAppUser, api.SecurityContext.RunAsUser);
        Assert.True(api.AutomountServiceAccountToken, "the init container that waits for the Job asks the API server");
        var waiter = api.InitContainers.Single(c => c.Name == "wait-for-migrations");
        Assert.Contains("/tmp", waiter.VolumeMounts.Select(m => m.MountPath)); // kubectl's cache
        Assert.All(api.InitContainers, c => Assert.Equal(("100m", "128Mi"), (c.Resources.Limits["cpu"].ToString(), c.Resources.Limits["memory"].ToString())));

        var job = Pod<V1Job>(root, "migrations-job.yaml");
        Assert.False(job.AutomountServiceAccountToken);
        Assert.All(job.InitContainers.Concat(job.Containers), c =>
        {
            Assert.Equal((false, true), (c.SecurityContext.AllowPrivilegeEscalation, c.SecurityContext.ReadOnlyRootFilesystem));
            Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
        });
    }

    [Fact]
    public void AResourceAdjustsItsPodSecurityFromTheDefaults()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddContainer("web", "nginx", "1.27").WithHttpEndpoint(targetPort: 80).WithPodSecurity(security =>
        {
            security.RunAsUser = 101;
            security.RunAsGroup = 101;
            security.WritablePaths.Add("/var/cache/nginx");
            security.AddedCapabilities.Add("NET_BIND_SERVICE");
        });
        builder.AddContainer("legacy", "legacy-app", "2.0").WithPodSecurity(security => security.ReadOnlyRootFilesystem = false);
        var root = Publish(builder);

        var web = Pod<V1Deployment>(root, "web-deployment.yaml");
        Assert.Equal(101, web.SecurityContext.RunAsUser);
        Assert.Equal(["NET_BIND_SERVICE"], web.Containers[0].SecurityContext.Capabilities.Add);
        Assert.Equal(["/tmp", "/var/cache/nginx"], web.Containers[0].VolumeMounts.Select(m => m.MountPath));

        var legacy = Pod<V1Deployment>(root, "legacy-deployment.yaml");
        Assert.Null(legacy.SecurityContext.RunAsUser); // an unknown image's user is its own, and must not be root
        Assert.True(legacy.SecurityContext.RunAsNonRoot);
        Assert.False(legacy.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
        Assert.Null(legacy.Containers[0].VolumeMounts);
    }

    private static string Publish(IDistributedApplicationBuilder builder) =>
        KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");

    private static V1PodSpec Pod<T>(string root, string file) where T : class
    {
        var workload = KubernetesYaml.Deserialize<T>(File.ReadAllText(Path.Combine(root, "base", file)), strict: true);
        return workload switch
        {
            V1Deployment d => d.Spec.Template.Spec,
            V1StatefulSet s => s.Spec.Template.Spec,
            V1Job j => j.Spec.Template.Spec,
            _ => throw new ArgumentException(file),
        };
    }
}
