namespace Parity.Hosting.ApplicationModel;

/// <summary>The resource does not start with the run: only when started from the dashboard or <c>parity resource NAME start</c>.</summary>
public sealed class ExplicitStartupAnnotation : IResourceAnnotation;
