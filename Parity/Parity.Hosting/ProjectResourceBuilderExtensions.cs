using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class ProjectResourceBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject(), new ProjectResourceOptions());

    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name, string? launchProfileName)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject(), new ProjectResourceOptions { LaunchProfileName = launchProfileName });

    public static IResourceBuilder<ProjectResource> AddProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, Action<ProjectResourceOptions> configure)
        where TProject : IProjectMetadata, new()
    {
        var options = new ProjectResourceOptions();
        configure(options);
        return builder.AddProject(name, new TProject(), options);
    }

    /// <summary>
    /// A project known only by its path (its project file, or the folder holding it); it is built once, at run time,
    /// before it starts.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddProject(name, projectPath, launchProfileName: null);

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath, string? launchProfileName) =>
        builder.AddProject(name, projectPath, options => options.LaunchProfileName = launchProfileName);

    public static IResourceBuilder<ProjectResource> AddProject(
        this IDistributedApplicationBuilder builder, string name, string projectPath, Action<ProjectResourceOptions> configure)
    {
        var options = new ProjectResourceOptions();
        configure(options);
        return builder.AddProject(name, new ProjectPathMetadata(ProjectFile(name, Path.GetFullPath(projectPath, builder.AppHostDirectory))), options);
    }

    /// <summary>Aspire 13.6's name for <see cref="AddProject(IDistributedApplicationBuilder, string, string)"/>, which eShop's AppHost uses.</summary>
    public static IResourceBuilder<ProjectResource> AddDotnetProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddProject(name, projectPath);

    public static IResourceBuilder<ProjectResource> AddDotnetProject(
        this IDistributedApplicationBuilder builder, string name, string projectPath, Action<ProjectResourceOptions> configure) =>
        builder.AddProject(name, projectPath, configure);

    /// <summary>Runs this many processes of the project locally, and as many pods in the cluster.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>In the cluster, scale between <paramref name="minReplicas"/> and <paramref name="maxReplicas"/> to keep CPU near the target.</summary>
    public static IResourceBuilder<ProjectResource> PublishWithAutoscaling(
        this IResourceBuilder<ProjectResource> builder, int minReplicas, int maxReplicas, int targetCpuPercent = 70)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minReplicas, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplicas, minReplicas);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCpuPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetCpuPercent, 100);
        return builder.WithAnnotation(new AutoscalingAnnotation(minReplicas, maxReplicas, targetCpuPercent));
    }

    /// <summary>The paths the cluster's liveness and readiness probes call (ServiceDefaults' /alive and /health by default).</summary>
    public static IResourceBuilder<ProjectResource> PublishWithProbes(
        this IResourceBuilder<ProjectResource> builder, string livenessPath = "/alive", string readinessPath = "/health") =>
        builder.WithAnnotation(new ProbesAnnotation(livenessPath, readinessPath));

    private static IResourceBuilder<ProjectResource> AddProject(
        this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata, ProjectResourceOptions options)
    {
        var project = builder.AddResource(new ProjectResource(name)).WithAnnotation(metadata);
        var profile = File.Exists(metadata.ProjectPath) && !options.ExcludeLaunchProfile
            ? LaunchProfile.Read(metadata.ProjectPath, options.LaunchProfileName)
            : null;
        if (profile is null)
        {
            return project.WithHttpEndpoint();
        }

        foreach (var url in profile.ApplicationUrls.Where(u => u.Scheme is "http" or "https"))
        {
            project.WithEndpoint(port: url.Port, scheme: url.Scheme, name: url.Scheme);
        }
        if (profile.ApplicationUrls.Count == 0)
        {
            project.WithHttpEndpoint();
        }
        return project.WithAnnotation(new LaunchProfileAnnotation(profile.Name, profile.EnvironmentVariables));
    }

    /// <summary>A folder stands for the one project file in it, as in Aspire; any other path is taken as the project file.</summary>
    private static string ProjectFile(string name, string path)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }
        var projects = Directory.GetFiles(path, "*.*proj");
        return projects.Length == 1
            ? projects[0]
            : throw new DistributedApplicationException(
                $"Resource '{name}': folder '{path}' holds {projects.Length} project files; give the path of the one to run.");
    }

    private sealed record ProjectPathMetadata(string ProjectPath) : IProjectMetadata;
}
