namespace Parity.Dashboard.Resources;

public sealed class ResourceCommandException(string message) : Exception(message);
