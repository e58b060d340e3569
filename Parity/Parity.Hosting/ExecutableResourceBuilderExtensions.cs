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
}
