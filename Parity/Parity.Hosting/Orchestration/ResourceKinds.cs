using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>The kind a resource is shown as (run.json, the dashboard, the CLI).</summary>
internal static class ResourceKinds
{
    public static string Of(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        ConnectionStringResource or ConnectionStringParameterResource => "ConnectionString",
        ParameterResource => "Parameter",
        _ => resource.GetType().Name.Replace("Resource", ""),
    };
}
