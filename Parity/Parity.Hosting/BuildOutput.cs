namespace Parity.Hosting;

/// <summary>
/// Paths the build records relative to an output folder (generated <c>Projects.X</c> types, the AppHost's folder),
/// so that no built assembly holds a path of the machine that built it.
/// </summary>
public static class BuildOutput
{
    /// <summary>The full path of <paramref name="relativePath"/>, taken from the folder <paramref name="typeInOutput"/>'s assembly was loaded from.</summary>
    public static string Resolve(Type typeInOutput, string relativePath) =>
        Path.GetFullPath(relativePath, Path.GetDirectoryName(typeInOutput.Assembly.Location) ?? AppContext.BaseDirectory);
}
