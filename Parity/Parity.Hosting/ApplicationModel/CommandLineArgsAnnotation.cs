namespace Parity.Hosting.ApplicationModel;

public sealed record CommandLineArgsAnnotation(IReadOnlyList<ReferenceExpression> Args) : IResourceAnnotation;
