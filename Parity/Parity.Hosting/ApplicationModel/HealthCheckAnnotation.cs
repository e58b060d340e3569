namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The resource is healthy only while the AppHost's health check registered under <see cref="Key"/>
/// (<c>builder.Services.AddHealthChecks().AddCheck(key, ...)</c>) reports Healthy.
/// </summary>
public sealed class HealthCheckAnnotation(string key) : IResourceAnnotation
{
    public string Key { get; } = key;
}
