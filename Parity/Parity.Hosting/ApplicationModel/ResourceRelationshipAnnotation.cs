namespace Parity.Hosting.ApplicationModel;

/// <summary>How a resource relates to another, for display: <c>Parent</c> nests it under that resource on the dashboard.</summary>
public sealed class ResourceRelationshipAnnotation(IResource resource, string type) : IResourceAnnotation
{
    public const string ParentType = "Parent";

    public IResource Resource { get; } = resource;

    public string Type { get; } = type;
}
