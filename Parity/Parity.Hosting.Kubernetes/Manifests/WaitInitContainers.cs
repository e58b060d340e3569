using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>WaitFor and WaitForCompletion in the cluster: init containers that hold a pod until its dependencies are ready.</summary>
internal static class WaitInitContainers
{
    public const string TcpWaitImage = "busybox:1.36";
    public const string JobWaitImage = "bitnami/kubectl:1.32";

    public static IList<V1Container>? For(IResource resource)
    {
        var containers = new List<V1Container>();
        foreach (var wait in resource.AnnotationsOf<WaitAnnotation>())
        {
            var container = wait.WaitType == WaitType.WaitUntilCompleted ? JobCompletion(wait.Resource) : TcpReady(wait.Resource);
            if (container is not null && containers.All(c => c.Name != container.Name))
            {
                containers.Add(container);
            }
        }
        return containers.Count > 0 ? containers : null;
    }

    public static bool WaitsForCompletion(IResource resource) =>
        resource.AnnotationsOf<WaitAnnotation>().Any(w => w.WaitType == WaitType.WaitUntilCompleted);

    private static V1Container? TcpReady(IResource dependency)
    {
        // A database is ready when its server is.
        var target = dependency is IResourceWithParent child ? child.Parent : dependency;
        if (target.Endpoints().FirstOrDefault() is not { } endpoint)
        {
            return null;
        }
        var port = ClusterExpressionRenderer.ServicePort(target, endpoint);
        return new V1Container
        {
            Name = $"wait-for-{target.Name}",
            Image = TcpWaitImage,
            Command = ["sh", "-c", $"until nc -z {target.Name} {port}; do echo waiting for {target.Name}; sleep 2; done"],
        };
    }

    private static V1Container JobCompletion(IResource job) => new()
    {
        Name = $"wait-for-{job.Name}",
        Image = JobWaitImage,
        // Its discovery cache goes to a writable emptyDir: the root filesystem is read-only.
        Args = ["wait", "--for=condition=complete", $"job/{job.Name}", "--timeout=300s", "--cache-dir=/tmp/kube-cache"],
    };
}
