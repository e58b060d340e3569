namespace Parity.Hosting.ApplicationModel;

/// <summary>How a user is asked for a parameter's value (<c>WithCustomInput</c>): made from the parameter when asked.</summary>
public sealed record CustomInputAnnotation(Func<ParameterResource, InteractionInput> CreateInput) : IResourceAnnotation;
