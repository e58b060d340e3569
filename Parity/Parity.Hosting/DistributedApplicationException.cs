namespace Parity.Hosting;

public class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
