using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class WaitBuilderExtensions
{
    /// <summary>Starts this resource only once the dependency is healthy (running, if it declares no health check).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));

    /// <summary>
    /// Starts this resource only once the dependency is healthy; with <see cref="WaitBehavior.WaitOnResourceUnavailable"/>
    /// it keeps waiting when the dependency fails to start or stops, instead of failing.
    /// </summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitBehavior waitBehavior)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy, WaitBehavior: waitBehavior));

    /// <summary>Starts this resource only once the dependency has exited with <paramref name="exitCode"/>.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilCompleted, exitCode));

    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy policy) where T : IResource =>
        builder.WithAnnotation(new RestartPolicyAnnotation(policy));
}
