using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Parity.Hosting.Docker;

/// <summary>
/// Writes a <see cref="ComposeFile"/> as YAML, with YamlDotNet (the library KubernetesClient writes the cluster's YAML with).
/// Strings that YAML would read as another type (<c>"true"</c>, <c>"8080"</c>, <c>"no"</c>) are quoted, since Compose takes
/// environment values and <c>restart</c> as strings.
/// </summary>
internal static class ComposeYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Serialize(ComposeFile file) => Serializer.Serialize(file);
}
