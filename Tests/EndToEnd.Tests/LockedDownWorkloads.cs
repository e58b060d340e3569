using k8s.Models;

namespace EndToEnd.Tests;

/// <summary>The rules every published workload follows: not root, nothing to escalate, a read-only root, bounded, no token it does not use.</summary>
internal static class LockedDownWorkloads
{
    public static void AssertEvery(IEnumerable<object> objects)
    {
        var pods = objects.Select(o => o switch
        {
            V1Deployment d => (d.Metadata.Name, d.Spec.Template.Spec),
            V1StatefulSet s => (s.Metadata.Name, s.Spec.Template.Spec),
            V1Job j => (j.Metadata.Name, j.Spec.Template.Spec),
            _ => ((string, V1PodSpec)?)null,
        }).OfType<(string Name, V1PodSpec Spec)>().ToList();
        Assert.NotEmpty(pods);
        foreach (var (name, pod) in pods)
        {
            Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{name} may run as root");
            Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile?.Type);
            var asksApiServer = pod.InitContainers?.Any(c => c.Args?.Contains("wait") == true && c.Image.Contains("kubectl", StringComparison.Ordinal)) == true;
            Assert.True(pod.AutomountServiceAccountToken == asksApiServer, $"{name} mounts a service-account token it does not use");
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                var where = $"{name}/{container.Name}";
                Assert.True(container.SecurityContext?.AllowPrivilegeEscalation == false, $"{where} allows privilege escalation");
                Assert.True(container.SecurityContext.ReadOnlyRootFilesystem == true, $"{where} has a writable root filesystem");
                Assert.Equal(["ALL"], container.SecurityContext.Capabilities?.Drop ?? []);
                Assert.True(container.Resources?.Requests?.Count >= 2 && container.Resources.Limits?.Count >= 2, $"{where} has no cpu and memory requests and limits");
            }
            foreach (var container in pod.Containers.Where(c => c.Ports?.Count > 0))
            {
                Assert.True(container.ReadinessProbe is not null && container.LivenessProbe is not null, $"{name}/{container.Name} serves without readiness and liveness probes");
            }
        }
    }
}
