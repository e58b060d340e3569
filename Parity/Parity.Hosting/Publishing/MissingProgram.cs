namespace Parity.Hosting.Publishing;

/// <summary>A program a resource needs that is not on this machine; <paramref name="Package"/> is the Debian package, when known.</summary>
public sealed record MissingProgram(string Resource, string Program, string? Package, string Hint);
