using System.CommandLine;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The AppHost's <c>deploy --overlay ENV [--context C] [--dry-run] [--registry R] [--tag T] [--output DIR] [--no-build]
/// [--wait [--timeout T]] [--ephemeral [NAME] [--ttl T]]</c> verb: builds and pushes one container image per project file with the SDK (and the
/// dashboard's and shipped programs', when the overlay runs them; and each Dockerfile app's with docker or podman), then
/// applies the overlay with kubectl (see <see cref="OverlayDeploy"/>: the release goes to a blue/green project's idle colour
/// and a canary project's canary only), and with <c>--wait</c> waits for every workload to roll out. With <c>--ephemeral</c>
/// it applies the overlay as an ephemeral environment instead (see <see cref="EphemeralDeploy"/>).
/// </summary>
public static class DeployCommand
{
    private const string DefaultTag = "latest";

    public static AppHostVerb CreateVerb()
    {
        var overlay = OverlayLocation.OverlayOption();
        var output = OverlayLocation.OutputOption();
        var kubeContext = new Option<string?>("--context") { Description = "The kubectl context to apply to; the current one by default" };
        var registry = new Option<string?>("--registry") { Description = "The registry to push images to, instead of the overlay's" };
        var tag = new Option<string?>("--tag") { Description = "The image tag to build and pull, instead of the overlay's" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the commands (and with --ephemeral the generated overlay and objects); run nothing" };
        var noBuild = new Option<bool>("--no-build") { Description = "Build no image: apply only, the images the overlay pulls being built and pushed already" };
        var wait = new Option<bool>("--wait") { Description = "After applying, wait for every Deployment and StatefulSet to roll out and every Job to complete" };
        var timeout = Duration.Option("--timeout", "How long --wait waits for each workload", DefaultWaitTimeout);
        var ephemeral = EphemeralOptions.NameOption(
            "Deploy the overlay as an ephemeral environment NAME (the current git branch by default): its own namespace <app>-<name>, fresh secrets, labels with its expiry");
        var ttl = EphemeralOptions.TtlOption();
        return new AppHostVerb("deploy", "Builds each project's container image and applies an overlay with kubectl", context =>
        {
            var location = OverlayLocation.Of(context, overlay, output);
            var parsed = context.ParseResult;
            var options = new DeployOptions(location.Name, parsed.GetValue(kubeContext), parsed.GetValue(dryRun), parsed.GetValue(registry), parsed.GetValue(tag),
                parsed.GetValue(wait) ? parsed.GetValue(timeout) : null, parsed.GetValue(noBuild));
            return PreconditionFailedException.ExitCodeOf(() =>
            {
                CheckOverlayExists(location.Directory);
                return EphemeralOptions.Given(context, ephemeral)
                    ? EphemeralDeploy.Run(context.Model, location.Directory, options, EphemeralOptions.Namespace(context, ephemeral), DateTimeOffset.UtcNow + parsed.GetValue(ttl))
                    : OverlayDeploy.Run(context.Model, location, options);
            });
        })
        {
            overlay,
            output,
            kubeContext,
            registry,
            tag,
            dryRun,
            noBuild,
            wait,
            timeout,
            ephemeral,
            ttl,
        };
    }

    private const string DefaultWaitTimeout = "5m";

    /// <summary>Runs the commands in order, with the user's console; stops at the first that fails.</summary>
    internal static bool RunAll(IEnumerable<ExternalCommand> commands)
    {
        foreach (var command in commands)
        {
            Console.WriteLine($"> {command}");
            var exitCode = command.RunAttached();
            if (exitCode != 0)
            {
                Console.Error.WriteLine($"Deployment stopped: '{command.Program}' exited with code {exitCode}.");
                return false;
            }
        }
        return true;
    }

    private static void CheckOverlayExists(string overlayDirectory)
    {
        if (!File.Exists(Path.Combine(overlayDirectory, "kustomization.yaml")))
        {
            throw new PreconditionFailedException($"There is no kustomize overlay at {overlayDirectory}.");
        }
    }

    /// <summary>
    /// What a deployment runs, in order: <c>dotnet publish -t:PublishContainer</c> for each distinct project file, as the
    /// image the overlay pulls (its <c>images:</c> entry, unless the options override registry or tag), then
    /// <c>kubectl apply -k</c> of the overlay.
    /// </summary>
    public static IReadOnlyList<ExternalCommand> Commands(
        DistributedApplicationModel model, DeployOptions options, string overlayDirectory, IReadOnlyDictionary<string, OverlayImage> overlayImages) =>
        [.. ImageBuilds(model, options, overlayImages), Apply(overlayDirectory, options.Context)];

    /// <summary><c>kubectl apply -k</c> of the overlay.</summary>
    public static ExternalCommand Apply(string overlayDirectory, string? context) =>
        ExternalCommand.Kubectl(context, "apply", "-k", overlayDirectory);

    /// <summary>The image builds of a deployment, in order; see <see cref="Commands"/>.</summary>
    public static IReadOnlyList<ExternalCommand> ImageBuilds(
        DistributedApplicationModel model, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var commands = new List<ExternalCommand>();
        if (options.NoBuild)
        {
            return commands;
        }
        var projects = model.Resources.OfType<ProjectResource>()
            .DistinctBy(p => Path.GetFullPath(p.Metadata.ProjectPath), StringComparer.Ordinal);
        foreach (var project in projects)
        {
            commands.Add(PublishContainer(project.Metadata.ProjectPath, ClusterNames.ImageName(project), options, overlayImages));
        }
        foreach (var resource in model.Resources)
        {
            if (resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var dockerfile))
            {
                var (image, push) = ImageReference(ClusterNames.ImageName(resource), options, overlayImages);
                commands.AddRange(DockerfileImageBuild.Commands(dockerfile, image, push));
            }
        }
        // Published with --include-dashboard, the overlay pulls the dashboard's image too.
        if (overlayImages.ContainsKey(DashboardResource.ImageName))
        {
            commands.Add(DashboardImage(options, overlayImages));
        }
        foreach (var (image, tool) in KubernetesPublisher.ToolImages(model).Where(t => overlayImages.ContainsKey(t.Image)))
        {
            commands.Add(ToolImage(image, tool, options, overlayImages));
        }
        return commands;
    }

    private static ExternalCommand PublishContainer(
        string projectPath, string imageName, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages) =>
        new("dotnet", ["publish", projectPath, "-t:PublishContainer", .. ImageProperties(imageName, options, overlayImages)]);

    /// <summary>The dashboard ships built (beside Parity.Hosting): its image is made from those files, with no build.</summary>
    private static ExternalCommand DashboardImage(DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var dashboard = Path.GetDirectoryName(ParityTools.PathOf(typeof(DistributedApplication), "dashboard", "Parity.Dashboard.dll"))!;
        var imageProject = ParityTools.PathOf(typeof(KubernetesExtension), "kubernetes", "DashboardImage.csproj");
        return new("dotnet",
        [
            "msbuild", imageProject, "-t:PublishContainer", $"-p:PublishDir={dashboard}/",
            .. ImageProperties(DashboardResource.ImageName, options, overlayImages),
        ]);
    }

    /// <summary>A program a package ships (the YARP host) is built already: its image is made from its shipped files.</summary>
    private static ExternalCommand ToolImage(
        string imageName, ToolImageAnnotation tool, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var program = ParityTools.PathOf(tool.ShippedWith, tool.Tool, tool.EntryAssembly);
        var imageProject = ParityTools.PathOf(typeof(KubernetesExtension), "kubernetes", "ToolImage.csproj");
        return new("dotnet",
        [
            "msbuild", imageProject, "-t:PublishContainer", $"-p:PublishDir={Path.GetDirectoryName(program)}/",
            $"-p:ContainerAppCommandArgs=/app/{tool.EntryAssembly}",
            .. ImageProperties(imageName, options, overlayImages),
        ]);
    }

    private static List<string> ImageProperties(string imageName, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var image = overlayImages.GetValueOrDefault(imageName);
        var (registry, repository) = SplitRegistry(image?.NewName ?? imageName);
        List<string> args =
        [
            $"-p:ContainerRepository={repository}",
            $"-p:ContainerImageTag={options.Tag ?? image?.NewTag ?? DefaultTag}",
        ];
        if ((options.Registry ?? registry) is { } pushTo)
        {
            args.Add($"-p:ContainerRegistry={pushTo}");
        }
        return args;
    }

    /// <summary>The full image reference the overlay pulls (unless the options override registry or tag), and whether it is pushed to a registry.</summary>
    private static (string Image, bool Push) ImageReference(string imageName, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var (name, tag, pushed) = Built(imageName, options, overlayImages);
        return ($"{name}:{tag}", pushed);
    }

    /// <summary>
    /// What the overlay pulls instead, when the options override registry or tag: by the name the overlay pulls, the name
    /// and tag deploy built. Empty when nothing is overridden.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Name, string Tag)> ImageOverrides(DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages) =>
        options.Registry is null && options.Tag is null
            ? new Dictionary<string, (string, string)>()
            : overlayImages.Values.ToDictionary(i => i.NewName ?? i.Name, i =>
            {
                var (name, tag, _) = Built(i.Name, options, overlayImages);
                return (name, tag);
            }, StringComparer.Ordinal);

    private static (string Name, string Tag, bool Pushed) Built(string imageName, DeployOptions options, IReadOnlyDictionary<string, OverlayImage> overlayImages)
    {
        var image = overlayImages.GetValueOrDefault(imageName);
        var (registry, repository) = SplitRegistry(image?.NewName ?? imageName);
        var pushTo = options.Registry ?? registry;
        var tag = options.Tag ?? image?.NewTag ?? DefaultTag;
        return (pushTo is null ? repository : $"{pushTo}/{repository}", tag, pushTo is not null);
    }

    /// <summary>Splits <c>registry.example.com/store/orders</c> as Docker does: a first segment with a dot, a colon or <c>localhost</c> is a registry.</summary>
    private static (string? Registry, string Repository) SplitRegistry(string imageName)
    {
        var slash = imageName.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = imageName[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return (first, imageName[(slash + 1)..]);
            }
        }
        return (null, imageName);
    }

    internal static void CheckContext(string? context)
    {
        var check = context is null
            ? new ExternalCommand("kubectl", ["config", "current-context"])
            : new ExternalCommand("kubectl", ["config", "get-contexts", context]);
        var (exitCode, _, stderr) = check.RunCaptured();
        if (exitCode != 0)
        {
            throw new PreconditionFailedException(context is null
                ? $"kubectl has no current context ({stderr.Trim()}); select one with `kubectl config use-context` or pass --context."
                : $"kubectl has no context '{context}' ({stderr.Trim()}).");
        }
    }
}
