using System.CommandLine;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Publishing;

/// <summary>
/// What an extension package (Parity.Hosting.Kubernetes) adds to an AppHost's command line: options of <c>publish</c>
/// and the artifacts they choose, and verbs of its own. The package's build targets name it in the AppHost with
/// <see cref="AppHostExtensionAttribute"/>, so referencing the package is all it takes; the core references none.
/// An instance serves one AppHost: the options and verbs it returns are the instances its actions read values of.
/// </summary>
public interface IAppHostExtension
{
    /// <summary>Verbs of its own (e.g. <c>deploy</c>), beside the core's <c>publish</c> and <c>doctor</c>.</summary>
    IReadOnlyList<AppHostVerb> Verbs { get; }

    /// <summary>The name <c>publish --format</c> asks for this extension's artifacts alone by (<c>kubernetes</c>, <c>compose</c>).</summary>
    string Format { get; }

    /// <summary>Options it adds to <c>publish</c>, read in <see cref="Publish"/>.</summary>
    IReadOnlyList<Option> PublishOptions { get; }

    /// <summary>Writes this extension's artifacts under the publish output folder; returns what it wrote.</summary>
    IEnumerable<string> Publish(AppHostVerbContext context, string outputDirectory);
}
