namespace Parity.Hosting.Publishing;

/// <summary>
/// What an extension package (Parity.Hosting.Kubernetes) adds to an AppHost's verbs: more artifacts for
/// <c>publish</c>, and verbs of its own. The package's build targets name it in the AppHost with
/// <see cref="AppHostExtensionAttribute"/>, so referencing the package is all it takes; the core references none.
/// </summary>
public interface IAppHostExtension
{
    /// <summary>The verbs this extension runs, besides <c>publish</c> (e.g. <c>deploy</c>).</summary>
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>Writes this extension's artifacts under the publish output folder; returns what it wrote.</summary>
    IEnumerable<string> Publish(AppHostVerbContext context, string outputDirectory);

    /// <summary>Runs one of <see cref="Verbs"/>; returns the process's exit code.</summary>
    int Run(string verb, AppHostVerbContext context);
}
