namespace Parity.Hosting;

/// <summary>What the generated <c>Projects.X</c> types expose about a referenced project.</summary>
public interface IProjectMetadata : ApplicationModel.IResourceAnnotation
{
    string ProjectPath { get; }

    /// <summary>The built output (<c>TargetPath</c>), started without building again; null when only the path is known.</summary>
    string? TargetPath => null;
}
