namespace Parity.Hosting;

/// <summary>How AddProject reads the project's launch settings (Aspire's options).</summary>
public sealed class ProjectResourceOptions
{
    public string? LaunchProfileName { get; set; }

    /// <summary>Ignore launchSettings.json: no fixed ports, no profile variables (e.g. a run-once migration of a service).</summary>
    public bool ExcludeLaunchProfile { get; set; }

    /// <summary>Accepted for Aspire's AppHosts: Parity takes a project's endpoints from its launch profile only, never from its Kestrel configuration.</summary>
    public bool ExcludeKestrelEndpoints { get; set; }
}
