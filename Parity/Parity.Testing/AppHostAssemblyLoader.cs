using System.Reflection;
using System.Runtime.Loader;

namespace Parity.Testing;

/// <summary>
/// Loads a built AppHost into the test process from its own output folder, so a test project needs only a
/// ProjectReference to it. Parity.Hosting is shared with the test; the AppHost's other dependencies come from its folder.
/// </summary>
internal static class AppHostAssemblyLoader
{
    public static Assembly Load(IProjectMetadata appHost)
    {
        var path = appHost.TargetPath is { } target && File.Exists(target)
            ? target
            : throw new InvalidOperationException($"The AppHost '{appHost.ProjectPath}' is not built: reference it from the test project so it builds first.");
        var resolver = new AssemblyDependencyResolver(path);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } dependency ? context.LoadFromAssemblyPath(dependency) : null;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
