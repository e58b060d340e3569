using System.Text.Json;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>doctor</c> verb: every program a run of this AppHost needs and this machine lacks, one JSON object
/// per line (<c>resource</c>, <c>program</c>, <c>package</c> when an <c>apt-get install</c> hint names the Debian package,
/// <c>hint</c>), for the parity CLI to show and install. Starts nothing. Exit code 0 when nothing is missing, 1 otherwise.
/// </summary>
public static class DoctorCommand
{
    private const string AptInstall = "apt-get install ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static int Run(DistributedApplicationModel model)
    {
        var missing = Missing(model);
        foreach (var program in missing)
        {
            Console.WriteLine(JsonSerializer.Serialize(program, Json));
        }
        return missing.Count == 0 ? 0 : 1;
    }

    public static IReadOnlyList<MissingProgram> Missing(DistributedApplicationModel model) =>
    [
        .. model.Resources.SelectMany(resource => resource.AnnotationsOf<RequiredBinaryAnnotation>()
            .Where(binary => ExecutableLocator.Find(binary.Command) is null)
            .Select(binary => new MissingProgram(resource.Name, binary.Command, PackageOf(binary.InstallHint), binary.InstallHint))),
    ];

    /// <summary>The package of a hint such as <c>apt-get install rabbitmq-server</c>; null for any other hint.</summary>
    internal static string? PackageOf(string installHint) =>
        installHint.StartsWith(AptInstall, StringComparison.Ordinal)
        && installHint[AptInstall.Length..].Trim() is { Length: > 0 } package
        && !package.Contains(' ')
            ? package
            : null;
}
