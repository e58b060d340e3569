using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class ExecutableResourceBuilderExtensions
{
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[]? args)
    {
        var resource = new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory));
        var executable = builder.AddResource(resource)
            .WithAnnotation(new RequiredBinaryAnnotation(
                command.Contains('/') ? Path.GetFullPath(command, resource.WorkingDirectory) : command,
                $"install the program that provides '{command}', or give its full path"));
        return args is { Length: > 0 } ? executable.WithArgs(args) : executable;
    }

    /// <summary>
    /// Declares how long the program lives (a Parity addition: Aspire has it for containers only). A persistent one
    /// outlives the AppHost and the next run adopts it while its configuration is unchanged; the last call wins.
    /// </summary>
    public static IResourceBuilder<T> WithLifetime<T>(this IResourceBuilder<T> builder, ContainerLifetime lifetime) where T : ExecutableResource =>
        builder.WithLifetimeAnnotation(lifetime);

    /// <summary>
    /// Publishes the executable as the image its working directory's <c>Dockerfile</c> builds (Aspire's form):
    /// <c>dockerfile.v0</c> in the manifest, and in the cluster a Deployment of that image, built by <c>deploy</c>.
    /// The local run is unchanged.
    /// </summary>
    public static IResourceBuilder<T> PublishAsDockerFile<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        var context = builder.Resource.WorkingDirectory;
        return builder.WithAnnotation(new DockerfileBuildAnnotation(context, Path.Combine(context, "Dockerfile")));
    }
}
