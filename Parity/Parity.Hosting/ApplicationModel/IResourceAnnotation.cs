namespace Parity.Hosting.ApplicationModel;

/// <summary>Marker for the plain data attached to a resource.</summary>
public interface IResourceAnnotation;
