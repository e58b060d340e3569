namespace Parity.Hosting.ApplicationModel;

/// <summary>A resource is a name plus annotations; it carries no behaviour of its own.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
