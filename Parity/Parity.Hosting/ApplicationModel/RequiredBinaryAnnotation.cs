namespace Parity.Hosting.ApplicationModel;

/// <summary>A program that must exist before a run, and how to install it when it does not.</summary>
public sealed record RequiredBinaryAnnotation(string Command, string InstallHint) : IResourceAnnotation;
