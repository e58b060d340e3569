using k8s;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// <c>deploy --ephemeral [NAME]</c>: the overlay (dev by default) as an environment of its own, for a branch or a pull
/// request. It builds the images as deploy does, generates an <see cref="EphemeralOverlay"/> on top of the overlay (its
/// namespace, labels with the expiry, fresh secrets), renders it with <c>kubectl kustomize</c>, deletes its run-once Jobs
/// (<see cref="RunOnceJobs"/>) and applies it with <c>kubectl apply -k</c>; with <c>--wait</c>, then waits for its workloads. A dry run prints the generated overlay, the
/// objects it renders (Secret values masked) and every command.
/// </summary>
internal static class EphemeralDeploy
{
    public static int Run(DistributedApplicationModel model, string overlayDirectory, DeployOptions options, string @namespace, DateTimeOffset expires)
    {
        var overlayImages = OverlayImage.ReadAll(overlayDirectory);
        using var overlay = EphemeralOverlay.Write(overlayDirectory, @namespace, expires, DeployCommand.ImageOverrides(options, overlayImages));
        var render = new ExternalCommand("kubectl", ["kustomize", overlay.Directory]);
        var (exitCode, rendered, stderr) = render.RunCaptured();
        if (exitCode != 0)
        {
            throw new PreconditionFailedException($"{render} failed: {stderr.Trim()}");
        }
        var objects = KubernetesYaml.LoadAllFromString(rendered);
        var commands = (IReadOnlyList<ExternalCommand>)
        [
            .. DeployCommand.ImageBuilds(model, options, overlayImages),
            .. RunOnceJobs.Deletions(objects, options.Context),
            DeployCommand.Apply(overlay.Directory, options.Context),
        ];
        var waits = options.WaitTimeout is { } timeout ? RolloutWaits.For(objects, options.Context, timeout) : [];
        var expiry = $"{expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({EphemeralLabels.Expires}={EphemeralLabels.FormatExpiry(expires)})";
        if (options.DryRun)
        {
            Console.WriteLine($"# Ephemeral environment {@namespace}, expires {expiry}.");
            Console.WriteLine($"# Overlay generated in {overlay.Root} (removed after this dry run).");
            Console.WriteLine($"# {overlay.KustomizationFile}");
            Console.Write(overlay.Kustomization);
            Console.WriteLine($"# {overlay.SecretsFile}: fresh values, masked");
            foreach (var line in MaskedSecrets.OfEnv(overlay.Secrets))
            {
                Console.WriteLine(line);
            }
            Console.WriteLine($"# {render}: the objects applied, Secret values masked");
            Console.Write(MaskedSecrets.Of(rendered));
            Console.WriteLine("# Commands");
            foreach (var command in commands.Concat(waits.Select(w => w.Command)))
            {
                Console.WriteLine(command);
            }
            return 0;
        }
        DeployCommand.CheckContext(options.Context);
        Console.WriteLine($"Ephemeral environment {@namespace}, expires {expiry}.");
        return DeployCommand.RunAll(commands) && RolloutWaits.RunAll(waits, options.WaitTimeout ?? TimeSpan.Zero) ? 0 : 1;
    }
}
