using System.Text;
using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>What a rule found: the rule, the resource whose object breaks it (null for the namespace), and what is wrong.</summary>
public sealed record PolicyFinding(string Rule, string? Resource, string Message);

/// <summary>
/// The rules every rendered overlay is checked against, in the spirit of kube-score and checkov. Each is named by
/// an id a waiver can give (<see cref="PolicyWaiverExtensions.WithPolicyWaiver"/>); README lists them.
/// </summary>
public static class PolicyRules
{
    private sealed record Pod(string Resource, string Kind, string Name, V1PodTemplateSpec Template, bool LongRunning, int Replicas)
    {
        public V1PodSpec Spec => Template.Spec;
    }

    /// <summary>Each rule's id and what it asks.</summary>
    public static IReadOnlyList<(string Id, string Asks)> All { get; } =
    [
        ("non-root", "every pod runs as a non-root user (runAsNonRoot)"),
        ("seccomp", "every pod has the RuntimeDefault (or a Localhost) seccomp profile"),
        ("no-privilege-escalation", "every container, init containers included, sets allowPrivilegeEscalation: false"),
        ("read-only-root", "every container has a read-only root filesystem"),
        ("drop-all-capabilities", "every container drops ALL capabilities"),
        ("requests-and-limits", "every container requests and limits cpu and memory"),
        ("service-account-token", "a pod mounts no service-account token unless it runs under a service account of its own"),
        ("probes", "every long-running container that serves a port has readiness and liveness probes"),
        ("pinned-image", "every image names a tag other than latest, or a digest"),
        ("no-secret-in-configmap", "no ConfigMap holds the value of a Secret"),
        ("disruption-budget", "a workload with several replicas or an autoscaler has a PodDisruptionBudget"),
        ("default-deny-ingress", "the namespace denies ingress by default (a NetworkPolicy selecting every pod, admitting nothing)"),
        ("quota", "the namespace has a ResourceQuota and a LimitRange"),
        ("routed-to-pods", "every Service selects the pods of a workload, and every Ingress routes to a Service of the namespace"),
    ];

    public static IReadOnlyList<PolicyFinding> Check(IList<object> objects)
    {
        var findings = new List<PolicyFinding>();
        var pods = PodsOf(objects).ToList();
        foreach (var pod in pods)
        {
            void Find(string rule, string message) => findings.Add(new PolicyFinding(rule, pod.Resource, $"{pod.Kind} {pod.Name}: {message}"));
            if (pod.Spec.SecurityContext?.RunAsNonRoot != true)
            {
                Find("non-root", "runAsNonRoot is not true");
            }
            if (pod.Spec.SecurityContext?.SeccompProfile?.Type is not ("RuntimeDefault" or "Localhost"))
            {
                Find("seccomp", "no RuntimeDefault seccomp profile");
            }
            if (pod.Spec.AutomountServiceAccountToken != false && pod.Spec.ServiceAccountName is null or "default")
            {
                Find("service-account-token", "mounts the default service account's token");
            }
            foreach (var container in (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers))
            {
                var security = container.SecurityContext;
                if (security?.AllowPrivilegeEscalation != false)
                {
                    Find("no-privilege-escalation", $"container {container.Name} may escalate privileges");
                }
                if (security?.ReadOnlyRootFilesystem != true)
                {
                    Find("read-only-root", $"container {container.Name} has a writable root filesystem");
                }
                if (security?.Capabilities?.Drop?.Contains("ALL") != true)
                {
                    Find("drop-all-capabilities", $"container {container.Name} keeps its default capabilities");
                }
                if (MissingResources(container) is { Length: > 0 } missing)
                {
                    Find("requests-and-limits", $"container {container.Name} has no {missing}");
                }
                if (!IsPinned(container.Image))
                {
                    Find("pinned-image", $"container {container.Name} runs {container.Image}, which names no tag but latest");
                }
            }
            foreach (var container in pod.Spec.Containers.Where(c => pod.LongRunning && c.Ports?.Count > 0))
            {
                if (container.ReadinessProbe is null || container.LivenessProbe is null)
                {
                    Find("probes", $"container {container.Name} serves without {(container.ReadinessProbe is null ? "a readiness" : "a liveness")} probe");
                }
            }
        }
        findings.AddRange(DisruptionBudgets(objects, pods));
        findings.AddRange(SecretsInConfigMaps(objects));
        findings.AddRange(Routes(objects, pods));
        if (!objects.OfType<V1NetworkPolicy>().Any(p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 }
            && p.Spec.PolicyTypes?.Contains("Ingress") == true && p.Spec.Ingress is null or { Count: 0 }))
        {
            findings.Add(new PolicyFinding("default-deny-ingress", null, "no NetworkPolicy denies ingress to every pod by default"));
        }
        if (!objects.OfType<V1ResourceQuota>().Any() || !objects.OfType<V1LimitRange>().Any())
        {
            findings.Add(new PolicyFinding("quota", null, "the namespace has no ResourceQuota or no LimitRange"));
        }
        return findings;
    }

    private static IEnumerable<Pod> PodsOf(IList<object> objects) => objects.Select(o => o switch
    {
        V1Deployment d => new Pod(ResourceOf(d.Metadata), d.Kind, d.Metadata.Name, d.Spec.Template, true, d.Spec.Replicas ?? 1),
        V1StatefulSet s => new Pod(ResourceOf(s.Metadata), s.Kind, s.Metadata.Name, s.Spec.Template, true, s.Spec.Replicas ?? 1),
        V1Job j => new Pod(ResourceOf(j.Metadata), j.Kind, j.Metadata.Name, j.Spec.Template, false, 1),
        _ => null,
    }).OfType<Pod>();

    private static string ResourceOf(V1ObjectMeta metadata) =>
        metadata.Labels is { } labels && labels.TryGetValue(ClusterNames.NameLabel, out var name) ? name : metadata.Name;

    private static string MissingResources(V1Container container)
    {
        var missing = from kind in (string[])["requests", "limits"]
                      from resource in (string[])["cpu", "memory"]
                      let amounts = kind == "requests" ? container.Resources?.Requests : container.Resources?.Limits
                      where amounts?.ContainsKey(resource) != true
                      select $"{resource} {kind[..^1]}";
        return string.Join(", ", missing);
    }

    private static bool IsPinned(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }
        var name = image[(image.LastIndexOf('/') + 1)..];
        return name.Contains(':', StringComparison.Ordinal) && !name.EndsWith(":latest", StringComparison.Ordinal);
    }

    private static IEnumerable<PolicyFinding> DisruptionBudgets(IList<object> objects, List<Pod> pods)
    {
        var autoscaled = objects.OfType<V2HorizontalPodAutoscaler>().Select(a => a.Spec.ScaleTargetRef.Name).ToHashSet(StringComparer.Ordinal);
        var budgets = objects.OfType<V1PodDisruptionBudget>().Select(b => b.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()).ToList();
        foreach (var pod in pods.Where(p => p.LongRunning && (p.Replicas > 1 || autoscaled.Contains(p.Name))))
        {
            var labels = pod.Template.Metadata?.Labels ?? new Dictionary<string, string>();
            if (!budgets.Any(selector => selector.Count > 0 && selector.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)))
            {
                yield return new PolicyFinding("disruption-budget", pod.Resource, $"{pod.Kind} {pod.Name} runs several replicas with no PodDisruptionBudget");
            }
        }
    }

    /// <summary>A blue/green Service whose colour no Deployment has, or a canary Ingress to a missing Service, would route to nothing.</summary>
    private static IEnumerable<PolicyFinding> Routes(IList<object> objects, List<Pod> pods)
    {
        foreach (var service in objects.OfType<V1Service>().Where(s => s.Spec.Selector is { Count: > 0 }))
        {
            if (!pods.Any(p => p.LongRunning && service.Spec.Selector.All(l => p.Template.Metadata?.Labels?.TryGetValue(l.Key, out var value) == true && value == l.Value)))
            {
                yield return new PolicyFinding("routed-to-pods", ResourceOf(service.Metadata), $"Service {service.Metadata.Name} selects no workload's pods");
            }
        }
        var services = objects.OfType<V1Service>().Select(s => s.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var ingress in objects.OfType<V1Ingress>())
        {
            var backends = (ingress.Spec.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []).Select(p => p.Backend?.Service?.Name)
                .Append(ingress.Spec.DefaultBackend?.Service?.Name).OfType<string>();
            foreach (var missing in backends.Where(b => !services.Contains(b)).Distinct(StringComparer.Ordinal))
            {
                yield return new PolicyFinding("routed-to-pods", ResourceOf(ingress.Metadata), $"Ingress {ingress.Metadata.Name} routes to Service {missing}, which the namespace lacks");
            }
        }
    }

    private static IEnumerable<PolicyFinding> SecretsInConfigMaps(IList<object> objects)
    {
        // Short values (a port, "true") would match by chance; a secret worth the name is longer.
        var secrets = objects.OfType<V1Secret>().SelectMany(s => s.Data?.Values ?? []).Select(v => Encoding.UTF8.GetString(v))
            .Concat(objects.OfType<V1Secret>().SelectMany(s => s.StringData?.Values ?? []))
            .Where(v => v.Length >= 8).ToHashSet(StringComparer.Ordinal);
        foreach (var map in objects.OfType<V1ConfigMap>())
        {
            foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
            {
                if (secrets.Any(secret => value.Contains(secret, StringComparison.Ordinal)))
                {
                    yield return new PolicyFinding("no-secret-in-configmap", ResourceOf(map.Metadata), $"ConfigMap {map.Metadata.Name}: {key} holds a Secret's value");
                }
            }
        }
    }
}
