using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class HealthCheckBuilderExtensions
{
    /// <summary>
    /// Makes the resource's health also depend on the AppHost's health check registered under <paramref name="key"/>
    /// (<c>builder.Services.AddHealthChecks().AddCheck(key, ...)</c>): it is healthy, and what waits for it starts,
    /// only while every check it declares reports Healthy.
    /// </summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, string key) where T : IResource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return builder.WithAnnotation(new HealthCheckAnnotation(key));
    }
}
