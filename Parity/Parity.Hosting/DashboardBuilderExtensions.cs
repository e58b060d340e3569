using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>How the dashboard shows a resource, and whether it starts with the run.</summary>
public static class DashboardBuilderExtensions
{
    /// <summary>
    /// Leaves the resource unstarted until it is started from the dashboard or with <c>parity resource NAME start</c>;
    /// what waits for it waits until then.
    /// </summary>
    public static IResourceBuilder<T> WithExplicitStart<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithAnnotation(new ExplicitStartupAnnotation());

    public static IResourceBuilder<T> WithRelationship<T>(this IResourceBuilder<T> builder, IResource resource, string type) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(type);
        return builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, type));
    }

    /// <summary>Nests the resource under <paramref name="parent"/> on the dashboard; run.json records the parent.</summary>
    public static IResourceBuilder<T> WithParentRelationship<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> parent) where T : IResource =>
        builder.WithParentRelationship(parent.Resource);

    public static IResourceBuilder<T> WithParentRelationship<T>(this IResourceBuilder<T> builder, IResource parent) where T : IResource
    {
        if (ReferenceEquals(parent, builder.Resource))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot be its own parent.");
        }
        return builder.WithRelationship(parent, ResourceRelationshipAnnotation.ParentType);
    }

    /// <summary>The icon the dashboard shows for the resource (a Fluent UI icon name, e.g. "Database").</summary>
    public static IResourceBuilder<T> WithIconName<T>(this IResourceBuilder<T> builder, string iconName, IconVariant iconVariant = IconVariant.Filled)
        where T : IResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(iconName);
        foreach (var existing in builder.Resource.AnnotationsOf<ResourceIconAnnotation>().ToList())
        {
            builder.Resource.Annotations.Remove(existing);
        }
        return builder.WithAnnotation(new ResourceIconAnnotation(iconName, iconVariant));
    }
}
