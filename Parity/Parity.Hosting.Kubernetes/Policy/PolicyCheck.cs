using System.CommandLine;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The <c>policy</c> verb: renders every overlay (or the one given) and checks it against <see cref="PolicyRules"/>.
/// A finding a resource waives (<c>WithPolicyWaiver</c>) is listed with its reason; any other fails the verb.
/// </summary>
internal static class PolicyCheck
{
    public static AppHostVerb CreateVerb()
    {
        var overlay = new Option<string?>("--overlay") { Description = "The one overlay to check; every overlay by default" };
        var output = OverlayLocation.OutputOption();
        return new AppHostVerb("policy", "Checks every rendered overlay against Parity's policy rules (security, resources, probes, images, network)",
            context => Run(context, context.ParseResult.GetValue(overlay), output))
        {
            overlay,
            output,
        };
    }

    private static int Run(AppHostVerbContext context, string? only, Option<string?> output)
    {
        var root = Path.Combine(context.OutputDirectory(output), KubernetesPublisher.RelativeDirectory, "overlays");
        return PreconditionFailedException.ExitCodeOf(() =>
        {
            var open = 0;
            foreach (var name in only is null ? KustomizeOverlays.Environments : [only])
            {
                var report = PolicyReport.Of(name, PolicyRules.Check(RenderedOverlay.Render(Path.Combine(root, name)).Objects), context.Model.Resources);
                Console.WriteLine(report);
                open += report.Open.Count;
            }
            return open == 0 ? 0 : 1;
        });
    }
}
