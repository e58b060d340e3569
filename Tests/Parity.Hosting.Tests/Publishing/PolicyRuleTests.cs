using k8s;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

public sealed class PolicyRuleTests
{
    [Fact]
    public void WhatParityPublishesFollowsEveryRule()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddPostgres("pg").WithDataVolume().AddDatabase("db");
        var migrations = builder.AddProject<Projects.TestService>("migrations").WithReference(db).WaitFor(db);
        builder.AddProject<Projects.TestService>("api").WithReference(db).WaitForCompletion(migrations).WithReplicas(2).WithExternalHttpEndpoints();

        Assert.Empty(PolicyRules.Check(Rendered(builder, "dev")));
    }

    [Fact]
    public void EachRuleFindsWhatBreaksIt()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api").WithReplicas(2);
        builder.AddContainer("web", "nginx").WithHttpEndpoint(targetPort: 80);
        var objects = Rendered(builder, "dev");
        var deployment = objects.OfType<k8s.Models.V1Deployment>().Single(d => d.Metadata.Name == "api");
        deployment.Spec.Template.Spec.SecurityContext = null;
        deployment.Spec.Template.Spec.AutomountServiceAccountToken = null;
        var container = deployment.Spec.Template.Spec.Containers[0];
        container.SecurityContext = null;
        container.Resources = null;
        container.LivenessProbe = null;
        objects.Add(new k8s.Models.V1Secret { Metadata = new() { Name = "s" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2-and-more" } });
        objects.Add(new k8s.Models.V1ConfigMap { Metadata = new() { Name = "web-env" }, Data = new Dictionary<string, string> { ["DSN"] = "Password=hunter2-and-more" } });
        // A Service whose colour no Deployment runs, and an Ingress to a Service that is not there.
        objects.Add(new k8s.Models.V1Service { Metadata = new() { Name = "api-old" }, Spec = new() { Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api", ["parity.dev/color"] = "green" } } });
        objects.Add(new k8s.Models.V1Ingress
        {
            Metadata = new() { Name = "api" },
            Spec = new() { DefaultBackend = new() { Service = new() { Name = "api-canary", Port = new() { Number = 80 } } } },
        });
        foreach (var removed in objects.Where(o => o is k8s.Models.V1NetworkPolicy or k8s.Models.V1PodDisruptionBudget).ToList())
        {
            objects.Remove(removed);
        }

        var found = PolicyRules.Check(objects).Select(f => f.Rule).ToHashSet();

        Assert.Equal(PolicyRules.All.Select(r => r.Id).Where(r => r != "quota").Order(), found.Order());
    }

    [Fact]
    public void AWaiverNeedsAKnownRuleAndAReason()
    {
        var web = TestApp.CreateBuilder().AddContainer("web", "nginx", "1.27");

        Assert.Contains("the rules are: non-root", Assert.Throws<ArgumentException>(() => web.WithPolicyWaiver("no-such-rule", "because")).Message);
        Assert.Contains("needs a reason", Assert.Throws<ArgumentException>(() => web.WithPolicyWaiver("read-only-root", " ")).Message);
        web.WithPolicyWaiver("read-only-root", "nginx writes its pid file beside its configuration");
        Assert.Equal("nginx writes its pid file beside its configuration", web.Resource.AnnotationsOf<PolicyWaiverAnnotation>().Single().Reason);
    }

    [Fact]
    public void AWaivedFindingIsListedWithItsReasonAndDoesNotFail()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddContainer("web", "nginx", "1.27").WithPodSecurity(s => s.ReadOnlyRootFilesystem = false)
            .WithPolicyWaiver("read-only-root", "nginx writes its pid file beside its configuration");
        builder.AddContainer("cache", "varnish", "7").WithPodSecurity(s => s.ReadOnlyRootFilesystem = false);

        var report = PolicyReport.Of("dev", PolicyRules.Check(Rendered(builder, "dev")), builder.Resources);

        var open = Assert.Single(report.Open);
        Assert.Equal(("read-only-root", "cache"), (open.Rule, open.Resource));
        Assert.Equal("web", Assert.Single(report.Waived).Finding.Resource);
        var text = report.ToString();
        Assert.Contains("Overlay 'dev': 1 finding(s), 1 waived", text);
        Assert.Matches(@"read-only-root\s+web\s+nginx writes its pid file beside its configuration", text);
    }

    /// <summary>The overlay as kubectl kustomize renders it, with placeholder secrets.</summary>
    private static IList<object> Rendered(IDistributedApplicationBuilder builder, string overlay)
    {
        var root = KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");
        var directory = Path.Combine(root, "overlays", overlay);
        File.WriteAllText(Path.Combine(directory, "secrets.env"), "");
        var kustomize = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true })!;
        var yaml = kustomize.StandardOutput.ReadToEnd();
        kustomize.WaitForExit();
        Assert.Equal(0, kustomize.ExitCode);
        return KubernetesYaml.LoadAllFromString(yaml);
    }
}
