namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// Files a backing service's container reads from a folder (Postgres's init scripts): publishers mount them from a
/// ConfigMap. The files are read when publishing, after the AppHost has declared everything (its databases).
/// </summary>
/// <param name="Name">Names the mount and its ConfigMap (<c>&lt;resource&gt;-&lt;name&gt;</c>).</param>
/// <param name="Files">File name → content; no files, no mount.</param>
public sealed record ContainerFilesAnnotation(string Name, string DestinationPath, Func<IReadOnlyDictionary<string, string>> Files) : IResourceAnnotation;
