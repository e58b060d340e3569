namespace Parity.Hosting.ApplicationModel;

public static class ResourceExtensions
{
    public static IEnumerable<T> AnnotationsOf<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>();

    public static bool TryGetLastAnnotation<T>(this IResource resource, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? annotation)
        where T : class, IResourceAnnotation
    {
        annotation = resource.Annotations.OfType<T>().LastOrDefault();
        return annotation is not null;
    }

    public static IReadOnlyList<EndpointAnnotation> Endpoints(this IResource resource) =>
        [.. resource.AnnotationsOf<EndpointAnnotation>()];

    public static int ReplicaCount(this IResource resource) =>
        resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;

    /// <summary>Resources that are only values (parameters, connection strings): nothing runs for them.</summary>
    public static bool IsValueOnly(this IResource resource) =>
        resource is ParameterResource or ConnectionStringResource;
}
