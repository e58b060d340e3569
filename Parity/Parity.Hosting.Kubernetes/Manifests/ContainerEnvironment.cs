using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A resource's cluster environment and arguments, split by whether they carry a secret: plain values can live in a
/// ConfigMap; secret-derived ones are <c>env</c> entries expanding variables taken from the Secret.
/// </summary>
internal sealed record ContainerEnvironment(
    SortedDictionary<string, string> Plain,
    IList<V1EnvVar> SecretDerived,
    IList<string>? Args)
{
    public static ContainerEnvironment Of(LaunchDescription launch, string secretName)
    {
        var renderer = new ClusterExpressionRenderer();
        var plain = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var derived = new List<V1EnvVar>();
        foreach (var (name, value) in launch.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (value.IsSecret)
            {
                derived.Add(new V1EnvVar { Name = name, Value = value.Render(renderer) });
            }
            else
            {
                plain[name] = value.Render(renderer);
            }
        }
        var args = launch.Args.Select(a => a.Render(renderer)).ToList();
        // Kubernetes expands $(VAR) only from variables defined earlier in the list, so the Secret's come first.
        var fromSecret = renderer.SecretParameters
            .Select(p => FromSecret(ClusterExpressionRenderer.SecretVariableName(p), ClusterExpressionRenderer.SecretKey(p), secretName))
            .Concat(renderer.UriEncodedSecretParameters
                .Select(p => FromSecret(ClusterExpressionRenderer.UriSecretVariableName(p), ClusterExpressionRenderer.UriSecretKey(p), secretName)));
        return new ContainerEnvironment(plain, [.. fromSecret, .. derived], args.Count > 0 ? args : null);
    }

    private static V1EnvVar FromSecret(string variable, string key, string secretName) => new()
    {
        Name = variable,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secretName, Key = key } },
    };

    /// <summary>Every variable as an explicit <c>env</c> entry, the plain ones first (for containers without a ConfigMap).</summary>
    public IList<V1EnvVar> AllAsEnv() => [.. Plain.Select(p => new V1EnvVar { Name = p.Key, Value = p.Value }), .. SecretDerived];
}
