namespace Parity.Hosting;

/// <summary>How AddProject reads the project's launch settings (Aspire's options).</summary>
public sealed class ProjectResourceOptions
{
    public string? LaunchProfileName { get; set; }

    /// <summary>Ignore launchSettings.json: no fixed ports, no profile variables (e.g. a run-once migration of a service).</summary>
    public bool ExcludeLaunchProfile { get; set; }
}
