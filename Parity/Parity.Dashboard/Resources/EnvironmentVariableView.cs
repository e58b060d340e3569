namespace Parity.Dashboard.Resources;

/// <summary>
/// One variable of a resource's environment. A value that comes from a secret (a secret parameter, or an expression
/// containing one, such as a connection string with a password) never leaves the AppHost: <see cref="Value"/> is null.
/// </summary>
public sealed record EnvironmentVariableView(string Name, string? Value, bool IsSecret);
