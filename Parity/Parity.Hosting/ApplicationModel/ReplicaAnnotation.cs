namespace Parity.Hosting.ApplicationModel;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
