namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A command run to completion before each local start of the resource (<c>npm ci</c>, creating a virtual
/// environment), in order, skipped when <paramref name="SkipWhenExists"/> exists. A failure fails the start.
/// Only the local run reads it: a published image installs what it needs in its own build.
/// </summary>
public sealed record LocalSetupAnnotation(string Command, IReadOnlyList<string> Args, string WorkingDirectory, string? SkipWhenExists = null)
    : IResourceAnnotation;
