using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// <c>deploy --overlay ENV</c>: builds the images, then applies the overlay; with <c>--registry</c>/<c>--tag</c>, or a
/// blue/green or canary project already in the cluster, through a <see cref="ReleaseOverlay"/> on top of it that pulls what
/// was built and keeps what is live (<see cref="LiveReleases"/>), so the release goes to the idle colour or the canary only.
/// Right before applying, deletes the run-once Jobs, so the release's run again (<see cref="RunOnceJobs"/>). With
/// <c>--wait</c>, then waits for every workload. A dry run prints the builds, the reads and their answers, the generated
/// overlay, the deletions, the apply and the waits.
/// </summary>
internal static class OverlayDeploy
{
    public static int Run(DistributedApplicationModel model, OverlayLocation location, DeployOptions options)
    {
        var overlayImages = OverlayImage.ReadAll(location.Directory);
        var builds = DeployCommand.ImageBuilds(model, options, overlayImages);
        var rendered = RenderedOverlay.Render(location.Directory).Objects;
        var waits = options.WaitTimeout is { } timeout ? RolloutWaits.For(rendered, options.Context, timeout) : [];
        if (options.DryRun)
        {
            Print(builds);
        }
        else
        {
            CheckSecrets(location.Directory);
            DeployCommand.CheckContext(options.Context);
            if (!DeployCommand.RunAll(builds))
            {
                return 1;
            }
        }
        // Read right before applying, after the builds: what is live then is what the apply keeps.
        var kept = LiveReleases.Read(model, rendered, options.Context, options.DryRun, Console.Out);
        using var overlay = ReleaseOverlay.Write(location.Directory, DeployCommand.ImageOverrides(options, overlayImages), kept);
        ExternalCommand[] applies = [.. RunOnceJobs.Deletions(rendered, options.Context), DeployCommand.Apply(overlay?.Directory ?? location.Directory, options.Context)];
        if (!options.DryRun)
        {
            return DeployCommand.RunAll(applies) && RolloutWaits.RunAll(waits, options.WaitTimeout ?? TimeSpan.Zero) ? 0 : 1;
        }
        if (overlay is not null)
        {
            Console.WriteLine($"# Overlay generated in {overlay.Root} (removed after this dry run):");
            foreach (var (file, text) in overlay.Kustomizations)
            {
                Console.WriteLine($"# {file}");
                Console.Write(text);
            }
        }
        Print([.. applies, .. waits.Select(w => w.Command)]);
        return 0;
    }

    private static void Print(IEnumerable<ExternalCommand> commands)
    {
        foreach (var command in commands)
        {
            Console.WriteLine(command);
        }
    }

    private static void CheckSecrets(string overlayDirectory)
    {
        if (!File.Exists(Path.Combine(overlayDirectory, KustomizeOverlays.SecretsFile)))
        {
            throw new PreconditionFailedException(
                $"{Path.Combine(overlayDirectory, KustomizeOverlays.SecretsFile)} is missing: copy {KustomizeOverlays.SecretsExampleFile} to {KustomizeOverlays.SecretsFile} and fill it in.");
        }
        if (MissingSecretKeys(overlayDirectory) is { Count: > 0 } missing)
        {
            throw new PreconditionFailedException(
                $"{Path.Combine(overlayDirectory, KustomizeOverlays.SecretsFile)} does not set {string.Join(", ", missing)}: " +
                $"{KustomizeOverlays.SecretsExampleFile} lists every key the containers read, and says how to make each value.");
        }
    }

    /// <summary>The keys the example lists that secrets.env does not set (a URI-escaped copy of a password, say).</summary>
    private static List<string> MissingSecretKeys(string overlayDirectory)
    {
        var example = Path.Combine(overlayDirectory, KustomizeOverlays.SecretsExampleFile);
        if (!File.Exists(example))
        {
            return [];
        }
        static IEnumerable<string> Keys(string file) =>
            File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith('#') && l.Contains('=')).Select(l => l.Split('=')[0].Trim());
        var set = Keys(Path.Combine(overlayDirectory, KustomizeOverlays.SecretsFile)).ToHashSet(StringComparer.Ordinal);
        return [.. Keys(example).Where(k => !set.Contains(k))];
    }
}
