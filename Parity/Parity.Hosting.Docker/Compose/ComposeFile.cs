namespace Parity.Hosting.Docker;

/// <summary>
/// A Compose file, in the Compose Specification's shape (no <c>version:</c>); serialised by <see cref="ComposeYaml"/>, the
/// property names in snake case, empty values left out.
/// </summary>
internal sealed class ComposeFile
{
    public OrderedDictionary<string, ComposeService> Services { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ComposeNetwork> Networks { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ComposeVolume> Volumes { get; } = new(StringComparer.Ordinal);
}
