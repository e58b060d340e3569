using System.Collections.ObjectModel;

namespace Parity.Hosting.ApplicationModel;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
