using YamlDotNet.Serialization;

namespace Parity.Hosting.Kubernetes;

/// <summary>The parts of kustomize's <c>kustomization.yaml</c> the publisher writes (KubernetesClient has no model for it).</summary>
internal sealed class Kustomization
{
    [YamlMember(Order = 0)]
    public string ApiVersion { get; init; } = "kustomize.config.k8s.io/v1beta1";

    [YamlMember(Order = 1)]
    public string Kind { get; init; } = "Kustomization";

    [YamlMember(Order = 2)]
    public string? Namespace { get; init; }

    [YamlMember(Order = 3)]
    public IList<string>? Resources { get; init; }

    [YamlMember(Order = 4)]
    public IList<KustomizeImage>? Images { get; init; }

    [YamlMember(Order = 5)]
    public IList<KustomizeReplicas>? Replicas { get; init; }

    [YamlMember(Order = 6)]
    public IList<KustomizePatch>? Patches { get; init; }

    [YamlMember(Order = 7)]
    public IList<KustomizeSecretGenerator>? SecretGenerator { get; init; }
}

internal sealed record KustomizeImage(
    [property: YamlMember(Order = 0)] string Name,
    [property: YamlMember(Order = 1)] string? NewName,
    [property: YamlMember(Order = 2)] string NewTag);

internal sealed record KustomizeReplicas(
    [property: YamlMember(Order = 0)] string Name,
    [property: YamlMember(Order = 1)] int Count);

internal sealed record KustomizePatch(
    [property: YamlMember(Order = 0)] string Path,
    [property: YamlMember(Order = 1)] KustomizePatchTarget Target);

internal sealed record KustomizePatchTarget(
    [property: YamlMember(Order = 0)] string Group,
    [property: YamlMember(Order = 1)] string Version,
    [property: YamlMember(Order = 2)] string Kind);

internal sealed record KustomizeSecretGenerator(
    [property: YamlMember(Order = 0)] string Name,
    [property: YamlMember(Order = 1)] IList<string> Envs);

/// <summary>One operation of an RFC 6902 JSON patch, which kustomize applies to every object its target selects.</summary>
internal sealed record JsonPatchOperation(
    [property: YamlMember(Order = 0)] string Op,
    [property: YamlMember(Order = 1)] string Path,
    [property: YamlMember(Order = 2)] object Value);
