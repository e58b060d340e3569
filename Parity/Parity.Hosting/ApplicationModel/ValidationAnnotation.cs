namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A check an integration adds to its resource, run with the engine's own when the model is validated, before anything
/// starts or is published: each message it returns is an error that names the resource and the fix.
/// </summary>
public sealed record ValidationAnnotation(Func<DistributedApplicationModel, IEnumerable<string>> Errors) : IResourceAnnotation;
