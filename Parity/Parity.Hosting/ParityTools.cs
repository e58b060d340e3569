using System.Reflection;

namespace Parity.Hosting;

/// <summary>Programs built with the engine and started by path (recorded at build time as assembly metadata).</summary>
internal static class ParityTools
{
    public static string PathOf(string tool) => Recorded($"parity.{tool}.path") is { } path && File.Exists(path)
        ? path
        : throw new DistributedApplicationException($"Parity's {tool} program was not built with the engine: build Parity/Parity.Hosting.");

    /// <summary>The tool's project file, for building its container image.</summary>
    public static string ProjectOf(string tool) => Recorded($"parity.{tool}.project") is { } path && File.Exists(path)
        ? path
        : throw new DistributedApplicationException($"Parity's {tool} project was not recorded by the engine's build: build Parity/Parity.Hosting.");

    private static string? Recorded(string key) =>
        typeof(ParityTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
