namespace Parity.Hosting.ApplicationModel;

/// <summary>The icon the dashboard shows for a resource (a Fluent UI icon name).</summary>
public sealed class ResourceIconAnnotation(string iconName, IconVariant iconVariant = IconVariant.Filled) : IResourceAnnotation
{
    public string IconName { get; } = iconName;

    public IconVariant IconVariant { get; } = iconVariant;
}
