using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>A policy rule this resource's objects may break, and why: the policy report prints the reason.</summary>
public sealed record PolicyWaiverAnnotation(string Rule, string Reason) : IResourceAnnotation;

public static class PolicyWaiverExtensions
{
    /// <summary>Waives one policy rule (an id of <see cref="PolicyRules.All"/>) for this resource's objects, with the reason the report prints.</summary>
    public static IResourceBuilder<T> WithPolicyWaiver<T>(this IResourceBuilder<T> builder, string rule, string reason)
        where T : IResource
    {
        if (!PolicyRules.All.Any(r => r.Id == rule))
        {
            throw new ArgumentException($"'{rule}' is not a policy rule of Parity; the rules are: {string.Join(", ", PolicyRules.All.Select(r => r.Id))}.", nameof(rule));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"Waiving '{rule}' for '{builder.Resource.Name}' needs a reason: say why the rule does not apply.", nameof(reason));
        }
        return builder.WithAnnotation(new PolicyWaiverAnnotation(rule, reason));
    }
}
