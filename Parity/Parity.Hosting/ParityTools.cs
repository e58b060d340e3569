using System.Reflection;

namespace Parity.Hosting;

/// <summary>Programs built with the engine and started by path (recorded at build time as assembly metadata).</summary>
internal static class ParityTools
{
    public static string PathOf(string tool) =>
        typeof(ParityTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == $"parity.{tool}.path")?.Value
            is { } path && File.Exists(path)
            ? path
            : throw new DistributedApplicationException($"Parity's {tool} program was not built with the engine: build Parity/Parity.Hosting.");
}
