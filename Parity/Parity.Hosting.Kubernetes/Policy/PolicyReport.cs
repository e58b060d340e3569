using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>One overlay's findings, split into those a resource waives (with its reason) and the open ones, which fail the check.</summary>
public sealed record PolicyReport(string Overlay, IReadOnlyList<PolicyFinding> Open, IReadOnlyList<(PolicyFinding Finding, string Reason)> Waived)
{
    public static PolicyReport Of(string overlay, IReadOnlyList<PolicyFinding> findings, IEnumerable<IResource> resources)
    {
        var waivers = resources.SelectMany(r => r.AnnotationsOf<PolicyWaiverAnnotation>().Select(w => (Resource: r.Name, Waiver: w))).ToList();
        string? ReasonFor(PolicyFinding finding) =>
            waivers.FirstOrDefault(w => w.Resource == finding.Resource && w.Waiver.Rule == finding.Rule).Waiver?.Reason;
        return new PolicyReport(
            overlay,
            [.. findings.Where(f => ReasonFor(f) is null)],
            [.. findings.Where(f => ReasonFor(f) is not null).Select(f => (f, ReasonFor(f)!))]);
    }

    public override string ToString()
    {
        var lines = new List<string> { $"Overlay '{Overlay}': {Open.Count} finding(s), {Waived.Count} waived, {PolicyRules.All.Count} rules." };
        if (Open.Count > 0)
        {
            lines.Add(TextTable.Format(["RULE", "RESOURCE", "FINDING"], Open.Select(f => new[] { f.Rule, f.Resource ?? "(namespace)", f.Message })));
        }
        if (Waived.Count > 0)
        {
            // A waiver is listed once, however many objects it covers.
            lines.Add(TextTable.Format(["WAIVED", "RESOURCE", "REASON"],
                Waived.Select(w => (w.Finding.Rule, w.Finding.Resource!, w.Reason)).Distinct().Select(w => new[] { w.Rule, w.Item2, w.Reason })));
        }
        return string.Join(Environment.NewLine, lines);
    }
}
