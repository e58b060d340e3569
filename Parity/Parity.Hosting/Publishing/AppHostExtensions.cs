using System.Reflection;

namespace Parity.Hosting.Publishing;

/// <summary>The extensions an AppHost assembly names with <see cref="AppHostExtensionAttribute"/>.</summary>
internal static class AppHostExtensions
{
    public static IReadOnlyList<IAppHostExtension> Of(Assembly? appHost) =>
        appHost is null
            ? []
            : [.. appHost.GetCustomAttributes<AppHostExtensionAttribute>().Select(a => Create(a.TypeName))];

    private static IAppHostExtension Create(string typeName) =>
        Type.GetType(typeName) is { } type && Activator.CreateInstance(type) is IAppHostExtension extension
            ? extension
            : throw new DistributedApplicationException($"The AppHost names the extension '{typeName}', which cannot be loaded: restore its package and rebuild.");
}
