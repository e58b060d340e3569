using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests.Containers;

/// <summary>A container in aspire-manifest.json (container.v0) and in the cluster (a Deployment, or a StatefulSet with volumes).</summary>
public sealed class ContainerPublishingTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("parity-publish-");
    private readonly IDistributedApplicationBuilder _builder = TestApp.CreateBuilder();

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public void TheManifestHasAspiresContainerFormWithMountsAndNoSecretValue()
    {
        var token = _builder.AddParameter("token", "s3cr3t-value", secret: true);
        var cache = _builder.AddRedis("cache");
        _builder.AddContainer("web", "nginx", "1.27")
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: 8080, env: "PORT")
            .WithEnvironment("TOKEN", token)
            .WithEnvironment("CACHE", ReferenceExpression.Of(cache.Resource.PrimaryEndpoint.Property(EndpointProperty.HostAndPort)))
            .WithBindMount(Path.Combine(_output.FullName, "site"), "/usr/share/nginx/html", isReadOnly: true)
            .WithVolume("web-cache", "/var/cache/nginx")
            .WithVolume("/tmp/scratch")
            .WithEntrypoint("/docker-entrypoint.sh")
            .WithContainerRuntimeArgs("--cap-add", "NET_ADMIN")
            .WithArgs("nginx", "-g", "daemon off;");
        var path = Path.Combine(_output.FullName, "aspire-manifest.json");

        ManifestPublisher.Write(Model(), path);

        var web = JsonNode.Parse(File.ReadAllText(path))!["resources"]!["web"]!;
        Assert.Equal("container.v0", (string?)web["type"]);
        Assert.Equal("docker.io/nginx:1.27", (string?)web["image"]);
        Assert.Equal("/docker-entrypoint.sh", (string?)web["entrypoint"]);
        Assert.Equal(["nginx", "-g", "daemon off;"], web["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("{token.value}", (string?)web["env"]!["TOKEN"]);
        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port}", (string?)web["env"]!["CACHE"]);
        Assert.Equal("{web.bindings.http.targetPort}", (string?)web["env"]!["PORT"]);
        Assert.Equal(8080, (int)web["bindings"]!["http"]!["targetPort"]!);
        Assert.Equal("""[{"source":"site","target":"/usr/share/nginx/html","readOnly":true}]""", web["bindMounts"]!.ToJsonString());
        // The anonymous volume has no name to publish: it lives and dies with its container.
        Assert.Equal("""[{"name":"web-cache","target":"/var/cache/nginx","readOnly":false}]""", web["volumes"]!.ToJsonString());
        Assert.DoesNotContain("s3cr3t", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("NET_ADMIN", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ADataVolumeIsPublishedReadOnlyWhenDeclaredSo()
    {
        _builder.AddPostgres("pg").WithDataVolume("pg-data", isReadOnly: true);
        var path = Path.Combine(_output.FullName, "aspire-manifest.json");

        ManifestPublisher.Write(Model(), path);

        var pg = JsonNode.Parse(File.ReadAllText(path))!["resources"]!["pg"]!;
        Assert.Equal("""[{"name":"pg-data","target":"/var/lib/postgresql/data","readOnly":true}]""", pg["volumes"]!.ToJsonString());
    }

    [Fact]
    public void AContainerWithoutVolumesIsADeploymentBehindAServiceWithItsEnvironmentAndHealthCheck()
    {
        var token = _builder.AddParameter("token", "s3cr3t-value", secret: true);
        _builder.AddContainer("web", "nginx", "1.27")
            .WithHttpEndpoint(targetPort: 8080, env: "PORT")
            .WithEnvironment("TOKEN", token)
            .WithVolume("/tmp/scratch")
            .WithBindMount(_output.FullName, "/site")
            .WithEntrypoint("/docker-entrypoint.sh")
            .WithArgs("nginx")
            .WithHttpHealthCheck("/healthz");

        var root = KubernetesPublisher.Write(Model(), _output.FullName, "test");

        var deployment = Read<V1Deployment>(root, "web-deployment.yaml");
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("nginx:1.27", container.Image);
        Assert.Equal(["/docker-entrypoint.sh"], container.Command);
        Assert.Equal(["nginx"], container.Args);
        Assert.Contains(container.Env, e => e.Name == "PORT" && e.Value == "8080");
        Assert.Contains(container.Env, e => e.ValueFrom?.SecretKeyRef?.Name == "test-secrets");
        Assert.Equal("/healthz", container.ReadinessProbe.HttpGet.Path);
        // The anonymous volume is the pod's scratch space (beside /tmp, writable under a read-only root); the bind
        // mount is this machine's and has no cluster form.
        Assert.All(deployment.Spec.Template.Spec.Volumes, v => Assert.NotNull(v.EmptyDir));
        Assert.Equal(["/tmp/scratch", "/tmp"], container.VolumeMounts.Select(m => m.MountPath));
        var service = Read<V1Service>(root, "web-service.yaml");
        Assert.Equal(8080, Assert.Single(service.Spec.Ports).Port);
        Assert.False(File.Exists(Path.Combine(root, "base", "web-statefulset.yaml")));
        Assert.DoesNotContain("s3cr3t", string.Concat(Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void ADeclaredPullPolicyIsTheClustersImagePullPolicy()
    {
        _builder.AddContainer("cached", "nginx", "1.27").WithImagePullPolicy(ImagePullPolicy.Missing);
        _builder.AddContainer("plain", "nginx", "1.27");

        var root = KubernetesPublisher.Write(Model(), _output.FullName, "test");

        Assert.Equal("IfNotPresent", Assert.Single(Read<V1Deployment>(root, "cached-deployment.yaml").Spec.Template.Spec.Containers).ImagePullPolicy);
        Assert.Null(Assert.Single(Read<V1Deployment>(root, "plain-deployment.yaml").Spec.Template.Spec.Containers).ImagePullPolicy);
    }

    [Fact]
    public void AnHttp2ServicesHttpEndpointsAreHttp2InTheManifestAndH2cInTheCluster()
    {
        _builder.AddContainer("grpc", "example/grpc", "1.0")
            .WithHttpEndpoint(targetPort: 5000)
            .WithEndpoint(targetPort: 6000, scheme: "tcp", name: "raw")
            .AsHttp2Service();
        _builder.AddContainer("web", "nginx", "1.27").WithHttpEndpoint(targetPort: 80);

        var manifest = Path.Combine(_output.FullName, "aspire-manifest.json");
        ManifestPublisher.Write(Model(), manifest);
        var resources = JsonNode.Parse(File.ReadAllText(manifest))!["resources"]!;
        Assert.Equal("http2", (string?)resources["grpc"]!["bindings"]!["http"]!["transport"]);
        Assert.Equal("tcp", (string?)resources["grpc"]!["bindings"]!["raw"]!["transport"]);
        Assert.Equal("http", (string?)resources["web"]!["bindings"]!["http"]!["transport"]);

        var root = KubernetesPublisher.Write(Model(), _output.FullName, "test");
        var ports = Read<V1Service>(root, "grpc-service.yaml").Spec.Ports;
        Assert.Equal("kubernetes.io/h2c", ports.Single(p => p.Name == "http").AppProtocol);
        Assert.Null(ports.Single(p => p.Name == "raw").AppProtocol);
        Assert.Null(Assert.Single(Read<V1Service>(root, "web-service.yaml").Spec.Ports).AppProtocol);
    }

    [Fact]
    public void PublishAsHttp2ServiceMarksTheServiceOnlyWhenPublishing()
    {
        var run = DistributedApplication.CreateBuilder([]).AddContainer("grpc", "example/grpc").PublishAsHttp2Service();
        var publish = DistributedApplication.CreateBuilder(["--operation", "publish"]).AddContainer("grpc", "example/grpc").PublishAsHttp2Service();

        Assert.Empty(run.Resource.AnnotationsOf<Http2ServiceAnnotation>());
        Assert.Single(publish.Resource.AnnotationsOf<Http2ServiceAnnotation>());
    }

    [Fact]
    public void AContainerWithANamedVolumeIsAStatefulSetClaimingIt()
    {
        _builder.AddContainer("search", "opensearchproject/opensearch", "2.17")
            .WithHttpEndpoint(targetPort: 9200)
            .WithVolume("search-data", "/usr/share/opensearch/data")
            .WithVolume("search-config", "/config", isReadOnly: true);

        var root = KubernetesPublisher.Write(Model(), _output.FullName, "test");

        var statefulSet = Read<V1StatefulSet>(root, "search-statefulset.yaml");
        Assert.Equal(["search-data", "search-config"], statefulSet.Spec.VolumeClaimTemplates.Select(c => c.Metadata.Name));
        var mounts = statefulSet.Spec.Template.Spec.Containers.Single().VolumeMounts;
        Assert.Equal([("search-data", "/usr/share/opensearch/data", (bool?)null), ("search-config", "/config", true), ("writable-tmp", "/tmp", null)],
            mounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty)));
        Assert.Equal("search", Read<V1Service>(root, "search-service.yaml").Metadata.Name);
        Assert.False(File.Exists(Path.Combine(root, "base", "search-deployment.yaml")));
    }

    private static T Read<T>(string root, string file) => KubernetesYaml.Deserialize<T>(File.ReadAllText(Path.Combine(root, "base", file)), strict: true);

    private DistributedApplicationModel Model() => new([.. _builder.Resources]);
}
