using System.CommandLine;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Docker;

/// <summary>
/// What this package adds to the AppHost's verbs: <c>publish</c> also writes deploy/compose/ (alone with
/// <c>--format compose</c>), a Docker Compose file of the whole system and the <c>.env.example</c> its secrets are
/// filled from. With <c>--include-dashboard</c> (see <see cref="PublishedDashboard"/>) it runs the dashboard too.
/// </summary>
public sealed class DockerComposeExtension : IAppHostExtension
{
    /// <summary>The Compose project's name (<c>COMPOSE_PROJECT_NAME</c>) and its network's: the Kubernetes publisher's application name.</summary>
    public const string AppNameKey = "Parity:AppName";

    public const string DefaultAppName = "app";

    public string Format => "compose";

    public IReadOnlyList<AppHostVerb> Verbs { get; } = [];

    public IReadOnlyList<Option> PublishOptions { get; } = [];

    public IEnumerable<string> Publish(AppHostVerbContext context, string outputDirectory) =>
        [ComposePublisher.Write(PublishedDashboard.ModelFor(context), outputDirectory, context.Configuration[AppNameKey] ?? DefaultAppName)];
}
