namespace Parity.Hosting;

/// <summary>
/// Programs that Parity packages ship and the engine starts by path (the dashboard, the S3 server). A package's build
/// targets copy them beside every output that uses it, under <c>parity/&lt;tool&gt;/</c>; so each is found beside
/// the assembly of the package that ships it, wherever that assembly was loaded from.
/// </summary>
public static class ParityTools
{
    /// <param name="shippedWith">A type of the package that ships the tool.</param>
    /// <param name="tool">The tool's folder name.</param>
    /// <param name="fileName">The file to start, in that folder.</param>
    public static string PathOf(Type shippedWith, string tool, string fileName)
    {
        var assembly = shippedWith.Assembly;
        var path = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, "parity", tool, fileName);
        return File.Exists(path)
            ? path
            : throw new DistributedApplicationException(
                $"Parity's {tool} program is missing at {path}: the {assembly.GetName().Name} package's build targets copy it there; rebuild the AppHost.");
    }
}
