namespace Parity.Cli;

/// <summary>A program the AppHost needs and this machine lacks (a line of its <c>doctor</c> verb).</summary>
internal sealed record MissingProgram(string Resource, string Program, string? Package, string Hint);
