using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>The checks of URLs, parent relationships and what publishing leaves out.</summary>
internal static partial class ModelValidator
{
    private static void CheckDevLoopAnnotations(DistributedApplicationModel model, bool forRun, List<string> errors)
    {
        var declared = model.Resources.ToHashSet();
        foreach (var resource in model.Resources)
        {
            foreach (var url in resource.AnnotationsOf<ResourceUrlAnnotation>())
            {
                if (url.Endpoint is { Exists: false } endpoint)
                {
                    errors.Add($"Resource '{resource.Name}' has the URL '{url.Url}' on endpoint '{endpoint}', which does not exist. {endpoint.MissingEndpoint().Message}");
                }
                else if (url.Endpoint is null && (url.Url.StartsWith('/') || !Uri.TryCreate(url.Url, UriKind.Absolute, out _)))
                {
                    errors.Add($"Resource '{resource.Name}' has the relative URL '{url.Url}' and no endpoint to resolve it against: give a full URL, or use WithUrlForEndpoint.");
                }
            }
            if (resource.DisplayParent() is { } parent && !declared.Contains(parent))
            {
                errors.Add($"Resource '{resource.Name}' has the parent '{parent.Name}', which is not declared in this AppHost. Add it with builder.Add... first.");
            }
            if (ParentCycle(resource) is { } cycle && model.Resources.First(r => cycle.Contains(r.Name)) == resource)
            {
                errors.Add($"Resources are each other's parents in a cycle: {string.Join(" → ", cycle)}. Remove one of these WithParentRelationship calls.");
            }
            if (!forRun && !resource.IsExcludedFromManifest())
            {
                foreach (var excluded in DependencyGraph.DependenciesOf(resource).Where(d => d.IsExcludedFromManifest()))
                {
                    errors.Add($"Resource '{resource.Name}' refers to '{excluded.Name}', which is excluded from the manifest (ExcludeFromManifest): "
                        + $"exclude '{resource.Name}' too, or publish '{excluded.Name}'.");
                }
            }
        }
    }

    /// <summary>The names around a cycle of parents through <paramref name="resource"/>, or null.</summary>
    private static List<string>? ParentCycle(IResource resource)
    {
        var path = new List<IResource> { resource };
        for (var next = resource.DisplayParent(); next is not null; next = next.DisplayParent())
        {
            if (ReferenceEquals(next, resource))
            {
                return [.. path.Append(resource).Select(r => r.Name)];
            }
            if (path.Contains(next))
            {
                return null; // a cycle further up, reported by one of its members
            }
            path.Add(next);
        }
        return null;
    }
}
