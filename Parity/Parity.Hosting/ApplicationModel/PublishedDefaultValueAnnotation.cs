namespace Parity.Hosting.ApplicationModel;

/// <summary>The value given in code that aspire-manifest.json publishes as the parameter's default (<c>publishValueAsDefault</c>).</summary>
public sealed record PublishedDefaultValueAnnotation(string Value) : IResourceAnnotation;
