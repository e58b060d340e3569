using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Parity.Hosting.Docker;

/// <summary>One service of a <see cref="ComposeFile"/>: one resource of the model.</summary>
internal sealed class ComposeService
{
    public string? Image { get; init; }

    public string? PullPolicy { get; init; }

    public ComposeBuild? Build { get; init; }

    public List<string>? Entrypoint { get; init; }

    public List<string>? Command { get; init; }

    public SortedDictionary<string, string>? Environment { get; init; }

    public List<string>? Ports { get; init; }

    public List<string>? Volumes { get; init; }

    public List<string>? Networks { get; init; }

    public OrderedDictionary<string, ComposeDependency>? DependsOn { get; init; }

    public ComposeHealthcheck? Healthcheck { get; init; }

    /// <summary><c>"no"</c> for a resource that runs once, else <c>unless-stopped</c>; quoted, since YAML 1.1 (which Compose reads) takes a bare no for false.</summary>
    [YamlMember(ScalarStyle = ScalarStyle.DoubleQuoted)]
    public string? Restart { get; init; }

    public ComposeDeploy? Deploy { get; init; }
}
